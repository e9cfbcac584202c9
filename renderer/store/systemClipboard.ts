/*
 * The system clipboard, where the browser lets the page use it. Either call may be refused (no permission,
 * the page not focused, an insecure context, a desktop shell that denies reading): callers then keep to
 * the app's own copy.
 */

function api(): Clipboard | undefined {
  return typeof navigator === 'undefined' ? undefined : navigator.clipboard;
}

/** Writes text; false when the clipboard did not take it. */
export async function writeSystemClipboard(text: string): Promise<boolean> {
  const clipboard = api();
  if (!clipboard?.writeText) return false;
  try {
    await clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The clipboard's text, or null when it cannot be read. */
export async function readSystemClipboard(): Promise<string | null> {
  const clipboard = api();
  if (!clipboard?.readText) return null;
  try {
    return await clipboard.readText();
  } catch {
    return null;
  }
}
