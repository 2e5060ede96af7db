export type ActionState = {
  ok?: boolean;
  message?: string;
  download?: { url: string; fileName: string; expiresAt: string };
};
