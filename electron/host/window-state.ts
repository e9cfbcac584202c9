import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';

/** The desktop window's size, place and maximized state, remembered between launches. */

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.output<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1400, height: 900, maximized: false };

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export function readWindowState(file: string): WindowState {
  try {
    return windowStateSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function writeWindowState(file: string, state: WindowState): Promise<void> {
  return writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n');
}

/**
 * The remembered state, placed on a screen that exists now: a window last seen on an unplugged monitor is moved
 * back (its position dropped, so the OS centres it) and shrunk to fit.
 */
export function fitToScreens(state: WindowState, workAreas: readonly Rect[]): WindowState {
  const largest = workAreas.reduce<Rect | null>((a, b) => (a && a.width * a.height >= b.width * b.height ? a : b), null);
  const out: WindowState = { ...state };
  if (largest) {
    out.width = Math.min(out.width, largest.width);
    out.height = Math.min(out.height, largest.height);
  }
  if (out.x === undefined || out.y === undefined) return out;
  const visible = workAreas.some(
    (a) => out.x! < a.x + a.width - 50 && out.x! + out.width > a.x + 50 && out.y! >= a.y - 10 && out.y! < a.y + a.height - 50,
  );
  if (!visible) {
    delete out.x;
    delete out.y;
  }
  return out;
}
