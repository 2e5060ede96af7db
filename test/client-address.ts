import { CLIENT_ADDRESS_HEADER, stampClientAddress } from "@/lib/http/client-address-header";

/**
 * Headers that make a request come from `address`, as server.ts stamps them on every request it
 * hands to Next (route handler tests have no socket).
 */
export function fromClient(address: string): Record<string, string> {
  const request = { headers: {}, socket: { remoteAddress: address } };
  stampClientAddress(request);
  return { [CLIENT_ADDRESS_HEADER]: address };
}
