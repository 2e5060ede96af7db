import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { listCatalog, type CatalogProduct } from "./list-catalog";

export const CATALOG_CACHE_TAG = "catalog";

/**
 * The storefront's view of the catalog: rendered into static pages at build time and kept in
 * Next's cache. The `catalog` cache profile (next.config.mjs) refreshes it within five minutes of
 * any change to products or tiers; the tag lets an in-app catalog editor refresh it at once.
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
