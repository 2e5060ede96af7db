import type { ProductKind, TierKind } from "@/lib/generated/prisma/enums";

export type DemoTier = {
  kind: TierKind;
  name: string;
  summary: string;
  priceCents: number;
  licenseName: string;
  licenseTerms: string;
  features: string[];
  formats: string[];
  seatLimit: number;
  durationDays: number | null;
};

export type DemoAsset = {
  name: string;
  fileName: string;
  // Only this tier's licenses include the file; undefined = every tier.
  tier?: TierKind;
  payloadBytes: number;
};

export type DemoProduct = {
  slug: string;
  name: string;
  tagline: string;
  description: string;
  kind: ProductKind;
  keyPrefix: string;
  currency: string;
  tiers: DemoTier[];
  assets: DemoAsset[];
};

const MB = 1_000_000;

const SOFTWARE_TERMS = {
  personal:
    "One named person may install and use the software on one computer at a time for personal, " +
    "non-commercial work. Work you make with it is yours. The license may not be shared, resold or " +
    "used on behalf of a business.",
  commercial:
    "A business or freelancer may use the software for commercial work, including client projects, " +
    "on up to three computers at a time. Work you make with it is yours to sell. The license may " +
    "not be resold or sublicensed.",
  premium:
    "A team may use the software for commercial work on up to ten computers at a time, with " +
    "priority support and the Pro brush pack. Seats may be moved between machines at any time from " +
    "the customer portal. The license may not be resold or sublicensed.",
};

const FOOTAGE_TERMS = {
  personal:
    "Use the clips in personal, non-commercial projects: home videos, school work, personal social " +
    "media without paid promotion. Not for client work, advertising or anything sold.",
  commercial:
    "Use the clips in commercial projects for yourself or one client per project: advertising, " +
    "monetized video, corporate and web content, up to 500,000 paid views or impressions per project.",
  premium:
    "Extended commercial use with no view limit: broadcast, film, paid advertising and products for " +
    "resale where the footage is not the main value (templates and merchandise excluded), in 4K.",
};

export const DEMO_CATALOG: DemoProduct[] = [
  {
    slug: "pixelmill",
    name: "Pixelmill",
    tagline: "A fast, focused raster editor for macOS, Windows and Linux.",
    description:
      "Pixelmill is a desktop image editor for illustrators and UI designers: non-destructive " +
      "layers, a GPU brush engine and exports tuned for the web. Buy once, use it forever, and " +
      "move your seats between machines whenever you like.",
    kind: "SOFTWARE",
    keyPrefix: "PXM",
    currency: "usd",
    tiers: [
      {
        kind: "PERSONAL",
        name: "Personal",
        summary: "For your own projects on one computer.",
        priceCents: 4900,
        licenseName: "Personal license",
        licenseTerms: SOFTWARE_TERMS.personal,
        features: ["All editing features", "Free 2.x updates", "Email support"],
        formats: ["macOS", "Windows", "Linux"],
        seatLimit: 1,
        durationDays: null,
      },
      {
        kind: "COMMERCIAL",
        name: "Commercial",
        summary: "For freelancers and studios doing client work.",
        priceCents: 12900,
        licenseName: "Commercial license",
        licenseTerms: SOFTWARE_TERMS.commercial,
        features: ["Everything in Personal", "Commercial and client use", "3 devices"],
        formats: ["macOS", "Windows", "Linux"],
        seatLimit: 3,
        durationDays: null,
      },
      {
        kind: "PREMIUM",
        name: "Premium",
        summary: "For teams that need more seats and support.",
        priceCents: 29900,
        licenseName: "Team license",
        licenseTerms: SOFTWARE_TERMS.premium,
        features: ["Everything in Commercial", "10 devices", "Pro brush pack", "Priority support"],
        formats: ["macOS", "Windows", "Linux"],
        seatLimit: 10,
        durationDays: null,
      },
    ],
    assets: [
      {
        name: "Pixelmill 2.4 for macOS",
        fileName: "pixelmill-2.4.0-macos-universal.zip",
        payloadBytes: 6 * MB,
      },
      {
        name: "Pixelmill 2.4 for Windows",
        fileName: "pixelmill-2.4.0-windows-x64.zip",
        payloadBytes: 5 * MB,
      },
      {
        name: "Pixelmill 2.4 for Linux",
        fileName: "pixelmill-2.4.0-linux-x64.zip",
        payloadBytes: 5 * MB,
      },
      {
        name: "Pro brush pack",
        fileName: "pixelmill-pro-brushes.zip",
        tier: "PREMIUM",
        payloadBytes: 2 * MB,
      },
    ],
  },
  {
    slug: "coastal-aerials",
    name: "Coastal Aerials",
    tagline: "24 drone clips of cliffs, surf and lighthouses, graded and ready to cut.",
    description:
      "Stock footage shot along the Atlantic coast at golden hour: slow reveals, top-down surf and " +
      "lighthouse orbits, delivered as H.264 MP4 clips with a Rec.709 grade. Personal and " +
      "commercial licenses include the 1080p masters; the extended license adds 4K.",
    kind: "STOCK_VIDEO",
    keyPrefix: "CSTL",
    currency: "usd",
    tiers: [
      {
        kind: "PERSONAL",
        name: "Personal",
        summary: "For personal, non-commercial videos.",
        priceCents: 299,
        licenseName: "Personal license",
        licenseTerms: FOOTAGE_TERMS.personal,
        features: ["24 clips", "1080p MP4", "Personal use"],
        formats: ["1080p MP4"],
        seatLimit: 1,
        durationDays: null,
      },
      {
        kind: "COMMERCIAL",
        name: "Commercial",
        summary: "For client work, ads and monetized channels.",
        priceCents: 999,
        licenseName: "Commercial license",
        licenseTerms: FOOTAGE_TERMS.commercial,
        features: ["24 clips", "1080p MP4", "Commercial use", "Up to 500k views per project"],
        formats: ["1080p MP4"],
        seatLimit: 1,
        durationDays: null,
      },
      {
        kind: "PREMIUM",
        name: "Extended",
        summary: "Broadcast, film and unlimited distribution, in 4K.",
        priceCents: 1999,
        licenseName: "Extended commercial license",
        licenseTerms: FOOTAGE_TERMS.premium,
        features: ["24 clips", "4K and 1080p MP4", "Extended commercial use", "No view limit"],
        formats: ["4K MP4", "1080p MP4"],
        seatLimit: 1,
        durationDays: null,
      },
    ],
    assets: [
      {
        name: "Coastal Aerials, 1080p clips",
        fileName: "coastal-aerials-1080p.zip",
        payloadBytes: 8 * MB,
      },
      {
        name: "Coastal Aerials, 4K clips",
        fileName: "coastal-aerials-4k.zip",
        tier: "PREMIUM",
        payloadBytes: 20 * MB,
      },
    ],
  },
  {
    slug: "glyphset",
    name: "Glyphset Icons",
    tagline: "1,800 pixel-perfect interface icons in three weights, updated every month.",
    description:
      "A growing icon library for product teams: SVG and PNG in outline, solid and duotone, on a " +
      "24 px grid. Licenses include a year of monthly updates; the premium license adds the Figma " +
      "source and never expires.",
    kind: "DESIGN_ASSETS",
    keyPrefix: "GLYPH",
    currency: "usd",
    tiers: [
      {
        kind: "PERSONAL",
        name: "Personal",
        summary: "For side projects and personal sites.",
        priceCents: 1900,
        licenseName: "Personal license",
        licenseTerms:
          "Use the icons in personal, non-commercial projects by one person. Updates for one year.",
        features: ["1,800 icons", "SVG and PNG", "12 months of updates"],
        formats: ["SVG", "PNG"],
        seatLimit: 1,
        durationDays: 365,
      },
      {
        kind: "COMMERCIAL",
        name: "Commercial",
        summary: "For products and client work by a team of up to five.",
        priceCents: 4900,
        licenseName: "Commercial license",
        licenseTerms:
          "Use the icons in commercial products, websites and client work by up to five designers " +
          "or developers. Redistributing the icons as an icon set is not allowed. Updates for one year.",
        features: ["Everything in Personal", "Commercial use", "5 team members"],
        formats: ["SVG", "PNG"],
        seatLimit: 5,
        durationDays: 365,
      },
      {
        kind: "PREMIUM",
        name: "Premium",
        summary: "Lifetime access with the Figma source.",
        priceCents: 14900,
        licenseName: "Lifetime commercial license",
        licenseTerms:
          "Commercial use by up to twenty team members, with lifetime updates and the Figma source " +
          "file. Redistributing the icons as an icon set is not allowed.",
        features: [
          "Everything in Commercial",
          "20 team members",
          "Figma source",
          "Lifetime updates",
        ],
        formats: ["SVG", "PNG", "Figma"],
        seatLimit: 20,
        durationDays: null,
      },
    ],
    assets: [
      { name: "Glyphset SVG and PNG", fileName: "glyphset-svg-png.zip", payloadBytes: 3 * MB },
      {
        name: "Glyphset Figma source",
        fileName: "glyphset-figma-source.zip",
        tier: "PREMIUM",
        payloadBytes: 1 * MB,
      },
    ],
  },
];
