// Data handed from the build to a widget: JSON in a <script type="application/json">,
// written so no text in it can end the element early, and read back defensively.

/** JSON safe inside a script element: "<" (as in "</script>") and the JS line separators escaped. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** The JSON of the first `selector` under `root`, or `fallback` when it is missing or broken. */
export function readJson<T>(root: ParentNode, selector: string, fallback: T): T {
  const text = root.querySelector(selector)?.textContent;
  if (!text) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}
