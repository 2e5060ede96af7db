/** 2026-11-23: dates as customers and admins see them, always UTC. */
export const formatDay = (date: Date) => date.toISOString().slice(0, 10);

/** 2026-11-23 14:05 UTC */
export const formatDateTime = (date: Date) =>
  `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
