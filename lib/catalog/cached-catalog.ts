import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { listCatalog, type CatalogProduct } from "./list-catalog";

export const CATALOG_CACHE_TAG = "catalog";

/**
 * The storefront's view of the catalog: rendered into static pages at build time and kept in
 * Next's cache. Catalog changes made through the app call `revalidateTag(CATALOG_CACHE_TAG)`;
 * the `catalog` cache profile bounds staleness for edits made behind the app's back.
 */
export async function getCatalog(): Promise<CatalogProduct[]> {
  "use cache";
  cacheTag(CATALOG_CACHE_TAG);
  cacheLife("catalog");
  return listCatalog();
}

export async function getProduct(slug: string): Promise<CatalogProduct | undefined> {
  "use cache";
  cacheTag(CATALOG_CACHE_TAG);
  cacheLife("catalog");
  return (await listCatalog()).find((product) => product.slug === slug);
}
