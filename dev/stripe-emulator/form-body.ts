type FormValue = string | FormValue[] | { [key: string]: FormValue };

/**
 * Parses Stripe's form encoding (`line_items[0][price_data][currency]=usd`, `expand[]=x`) into
 * nested objects and arrays, as the `stripe` SDK sends it.
 */
export function parseFormBody(body: string): Record<string, FormValue> {
  const root: Record<string, FormValue> = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const [head, ...rest] = rawKey.split("[");
    const path = [head!, ...rest.map((part) => part.replace(/]$/, ""))];
    let node: Record<string, FormValue> | FormValue[] = root;
    path.forEach((segment, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = !last && /^\d*$/.test(path[index + 1]!);
      const container = node as Record<string, FormValue>;
      const key = Array.isArray(node) && segment === "" ? String(node.length) : segment;
      if (last) {
        if (Array.isArray(node)) (node as FormValue[]).push(value);
        else container[key] = value;
        return;
      }
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Record<string, FormValue> | FormValue[];
    });
  }
  return root;
}
