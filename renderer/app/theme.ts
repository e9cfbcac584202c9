import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** The theme follows the OS (prefers-color-scheme) unless the user picks one; the choice is remembered. */

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

const KEY = 'dagstudio.theme';

function readChoice(): ThemeChoice {
  try {
    const saved = localStorage.getItem(KEY);
    if (saved === 'light' || saved === 'dark' || saved === 'system') return saved;
  } catch {
    /* storage may be unavailable; the OS decides */
  }
  return 'system';
}

const media = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

function resolve(choice: ThemeChoice): ResolvedTheme {
  if (choice !== 'system') return choice;
  return media?.matches ? 'dark' : 'light';
}

const initial = readChoice();
export const themeStore = createStore<{ choice: ThemeChoice; resolved: ResolvedTheme }>()(() => ({ choice: initial, resolved: resolve(initial) }));

function apply(resolved: ResolvedTheme): void {
  document.documentElement.dataset.theme = resolved;
  document.documentElement.style.colorScheme = resolved;
}

export function startTheme(): void {
  apply(themeStore.getState().resolved);
  media?.addEventListener('change', () => {
    const { choice } = themeStore.getState();
    const resolved = resolve(choice);
    themeStore.setState({ resolved });
    apply(resolved);
  });
}

export function setTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    /* not remembered, still applied */
  }
  const resolved = resolve(choice);
  themeStore.setState({ choice, resolved });
  apply(resolved);
}

/** Cycles system → light → dark → system (the toolbar's toggle). */
export function cycleTheme(): void {
  const order: ThemeChoice[] = ['system', 'light', 'dark'];
  const { choice } = themeStore.getState();
  setTheme(order[(order.indexOf(choice) + 1) % order.length]!);
}

export function useResolvedTheme(): ResolvedTheme {
  return useStore(themeStore, (s) => s.resolved);
}

export function useThemeChoice(): ThemeChoice {
  return useStore(themeStore, (s) => s.choice);
}
