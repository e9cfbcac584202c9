/**
 * What the desktop window may ask of the browser engine. Its page is only ever the app itself (navigation
 * and new windows are refused), so it gets what the app uses: notifications when a run ends, and the
 * clipboard both ways, so tasks copied in one window paste in another. Everything else (camera, location,
 * MIDI …) is refused.
 */
const ALLOWED = new Set(['notifications', 'clipboard-sanitized-write', 'clipboard-read']);

export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED.has(permission);
}
