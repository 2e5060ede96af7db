const emailDate = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** 23 November 2026: dates as every email shows them, always UTC. */
export const formatEmailDate = (date: Date) => emailDate.format(date);
