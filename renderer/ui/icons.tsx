import { memo, type ReactNode } from 'react';

/*
 * A small hand-drawn icon set (24×24, stroked), so the bundle carries no icon font and the CSP
 * needs no external source. Operator definitions name their icon; unknown names fall back to a box.
 */

const PATHS: Record<string, ReactNode> = {
  terminal: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2.5" />
      <path d="M7 9l3 3-3 3M12.5 15H17" />
    </>
  ),
  python: (
    <>
      <path d="M12 3.5c-3 0-4.5 1-4.5 3V9h5v1H6c-2 0-3 1.5-3 4s1 4 3 4h1.5v-2.5c0-1.7 1.3-3 3-3h4.5c1.4 0 2.5-1.1 2.5-2.5V6.5c0-2-1.5-3-5.5-3z" />
      <path d="M12 20.5c3 0 4.5-1 4.5-3V15h-5v-1H18c2 0 3-1.5 3-4s-1-4-3-4h-1.5" />
      <circle cx="10" cy="6.3" r=".6" fill="currentColor" />
      <circle cx="14" cy="17.7" r=".6" fill="currentColor" />
    </>
  ),
  circle: <circle cx="12" cy="12" r="7.5" strokeDasharray="3 2.5" />,
  bell: (
    <>
      <path d="M6 16V11a6 6 0 0112 0v5l1.5 2h-15z" />
      <path d="M10 20.5a2.2 2.2 0 004 0" />
    </>
  ),
  container: (
    <>
      <path d="M12 3l8 4.5v9L12 21l-8-4.5v-9z" />
      <path d="M4 7.5l8 4.5 8-4.5M12 12v9" />
    </>
  ),
  'file-search': (
    <>
      <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h5M14 3l5 5h-5zM19 8v3" />
      <circle cx="16.5" cy="16.5" r="2.8" />
      <path d="M18.6 18.6L21 21" />
    </>
  ),
  globe: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M3.5 12h17M12 3.5c2.4 2.4 3.5 5.3 3.5 8.5s-1.1 6.1-3.5 8.5c-2.4-2.4-3.5-5.3-3.5-8.5s1.1-6.1 3.5-8.5z" />
    </>
  ),
  radar: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <circle cx="12" cy="12" r="4.5" />
      <path d="M12 12l6-6" />
      <circle cx="12" cy="12" r="1" fill="currentColor" />
    </>
  ),
  'ship-wheel': (
    <>
      <circle cx="12" cy="12" r="6" />
      <circle cx="12" cy="12" r="2" />
      <path d="M12 2.5V10M12 14v7.5M2.5 12H10M14 12h7.5M5.3 5.3l5.3 5.3M13.4 13.4l5.3 5.3M18.7 5.3l-5.3 5.3M10.6 13.4l-5.3 5.3" />
    </>
  ),
  'cloud-download': (
    <>
      <path d="M7 18a4.5 4.5 0 01-.6-9A6 6 0 0118 9.5a4 4 0 01-.5 8.5" />
      <path d="M12 11v9M9 17l3 3 3-3" />
    </>
  ),
  'cloud-upload': (
    <>
      <path d="M7 18a4.5 4.5 0 01-.6-9A6 6 0 0118 9.5a4 4 0 01-.5 8.5" />
      <path d="M12 20v-9M9 14l3-3 3 3" />
    </>
  ),
  'cloud-search': (
    <>
      <path d="M7 17a4.5 4.5 0 01-.6-9A6 6 0 0118 8.5a4 4 0 011.8 6.7" />
      <circle cx="13" cy="15.5" r="2.6" />
      <path d="M15 17.5l2.5 2.5" />
    </>
  ),
  'octagon-x': (
    <>
      <path d="M8.3 3h7.4L21 8.3v7.4L15.7 21H8.3L3 15.7V8.3z" />
      <path d="M9.5 9.5l5 5M14.5 9.5l-5 5" />
    </>
  ),
  'brain-circuit': (
    <>
      <path d="M12 5a3 3 0 00-5.6-1.4A3 3 0 004 8a3 3 0 00.5 5A3.5 3.5 0 008 19a3 3 0 004 1V5z" />
      <path d="M12 5a3 3 0 015.6-1.4A3 3 0 0120 8a3 3 0 01-.5 5 3.5 3.5 0 01-3.5 6 3 3 0 01-4 1" />
      <path d="M12 10h3M12 15h2.5" />
    </>
  ),
  box: <rect x="4.5" y="4.5" width="15" height="15" rx="3" />,
  play: <path d="M7 4.5v15l12-7.5z" fill="currentColor" stroke="none" />,
  stop: <rect x="6" y="6" width="12" height="12" rx="2" fill="currentColor" stroke="none" />,
  save: (
    <>
      <path d="M5 4h11l3 3v12a1 1 0 01-1 1H6a1 1 0 01-1-1z" />
      <path d="M8 4v5h7V4M8 20v-6h8v6" />
    </>
  ),
  open: <path d="M3.5 7V5.5a1 1 0 011-1h5l2 2h7a1 1 0 011 1V9M3.5 7l-.3 11.2a1 1 0 001 1h14.6a1 1 0 001-.8L21.5 10a1 1 0 00-1-1H5.3z" />,
  file: (
    <>
      <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8z" />
      <path d="M14 3v5h5" />
    </>
  ),
  'file-plus': (
    <>
      <path d="M14 3H7a2 2 0 00-2 2v14a2 2 0 002 2h10a2 2 0 002-2V8z" />
      <path d="M14 3v5h5M12 11v6M9 14h6" />
    </>
  ),
  import: (
    <>
      <path d="M12 3v12M7.5 10.5L12 15l4.5-4.5" />
      <path d="M4 15v4a1 1 0 001 1h14a1 1 0 001-1v-4" />
    </>
  ),
  export: (
    <>
      <path d="M12 15V3M7.5 7.5L12 3l4.5 4.5" />
      <path d="M4 15v4a1 1 0 001 1h14a1 1 0 001-1v-4" />
    </>
  ),
  airflow: (
    <>
      <path d="M12 12c-1-4 0-8.5 3-8.5 1.5 0 2 1.5 1 3z" />
      <path d="M12 12c4-1 8.5 0 8.5 3 0 1.5-1.5 2-3 1z" />
      <path d="M12 12c1 4 0 8.5-3 8.5-1.5 0-2-1.5-1-3z" />
      <path d="M12 12c-4 1-8.5 0-8.5-3 0-1.5 1.5-2 3-1z" />
    </>
  ),
  undo: (
    <>
      <path d="M9 14L4 9l5-5" />
      <path d="M4 9h10.5a5.5 5.5 0 010 11H11" />
    </>
  ),
  redo: (
    <>
      <path d="M15 14l5-5-5-5" />
      <path d="M20 9H9.5a5.5 5.5 0 000 11H13" />
    </>
  ),
  layout: (
    <>
      <rect x="3" y="4" width="6" height="5" rx="1" />
      <rect x="15" y="4" width="6" height="5" rx="1" />
      <rect x="15" y="15" width="6" height="5" rx="1" />
      <path d="M9 6.5h6M12 6.5v11h3" />
    </>
  ),
  fit: <path d="M4 9V5a1 1 0 011-1h4M15 4h4a1 1 0 011 1v4M20 15v4a1 1 0 01-1 1h-4M9 20H5a1 1 0 01-1-1v-4" />,
  sun: (
    <>
      <circle cx="12" cy="12" r="4" />
      <path d="M12 2.5v2M12 19.5v2M2.5 12h2M19.5 12h2M5.3 5.3l1.4 1.4M17.3 17.3l1.4 1.4M5.3 18.7l1.4-1.4M17.3 6.7l1.4-1.4" />
    </>
  ),
  moon: <path d="M20 14.5A8 8 0 119.5 4a6.5 6.5 0 0010.5 10.5z" />,
  monitor: (
    <>
      <rect x="3" y="4" width="18" height="12" rx="2" />
      <path d="M8 20h8M12 16v4" />
    </>
  ),
  help: (
    <>
      <circle cx="12" cy="12" r="8.5" />
      <path d="M9.5 9.5a2.5 2.5 0 114 2c-.9.6-1.5 1.1-1.5 2.2" />
      <circle cx="12" cy="16.8" r=".7" fill="currentColor" />
    </>
  ),
  settings: (
    <>
      <circle cx="12" cy="12" r="3" />
      <path d="M12 2.8l1.6 2.3 2.7-.6.6 2.7 2.3 1.6-1.3 2.4 1.3 2.4-2.3 1.6-.6 2.7-2.7-.6L12 21.2l-1.6-2.3-2.7.6-.6-2.7-2.3-1.6L6.1 12 4.8 9.6l2.3-1.6.6-2.7 2.7.6z" />
    </>
  ),
  variable: <path d="M8 4c-2 2-3 5-3 8s1 6 3 8M16 4c2 2 3 5 3 8s-1 6-3 8M9.5 9l5 6M14.5 9l-5 6" />,
  key: (
    <>
      <circle cx="8" cy="15" r="4" />
      <path d="M11 12l8.5-8.5M16 7l2.5 2.5M14 9l2 2" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  minus: <path d="M5 12h14" />,
  trash: (
    <>
      <path d="M4.5 7h15M9.5 7V4.5h5V7M6.5 7l1 13h9l1-13" />
      <path d="M10 11v5.5M14 11v5.5" />
    </>
  ),
  copy: (
    <>
      <rect x="8.5" y="8.5" width="11" height="11" rx="2" />
      <path d="M15.5 8.5V6a1.5 1.5 0 00-1.5-1.5H6A1.5 1.5 0 004.5 6v8A1.5 1.5 0 006 15.5h2.5" />
    </>
  ),
  group: (
    <>
      <rect x="3" y="3" width="18" height="18" rx="2.5" strokeDasharray="3 2" />
      <rect x="7" y="7" width="5" height="4" rx="1" />
      <rect x="12" y="13" width="5" height="4" rx="1" />
    </>
  ),
  ungroup: (
    <>
      <rect x="4" y="4" width="7" height="6" rx="1.2" />
      <rect x="13" y="14" width="7" height="6" rx="1.2" />
      <path d="M15 4h5v5M4 15v5h5" strokeDasharray="2 2" />
    </>
  ),
  search: (
    <>
      <circle cx="10.5" cy="10.5" r="6" />
      <path d="M15 15l5 5" />
    </>
  ),
  chevron: <path d="M9 6l6 6-6 6" />,
  'chevron-down': <path d="M6 9l6 6 6-6" />,
  x: <path d="M6 6l12 12M18 6L6 18" />,
  warning: (
    <>
      <path d="M12 3.5l9.5 16.5h-19z" />
      <path d="M12 10v4.5" />
      <circle cx="12" cy="17.2" r=".7" fill="currentColor" />
    </>
  ),
  check: <path d="M5 12.5l4.5 4.5L19 7.5" />,
  note: (
    <>
      <path d="M5 4h14v10l-6 6H5z" />
      <path d="M13 20v-6h6M8.5 8.5h7M8.5 12h4" />
    </>
  ),
  eye: (
    <>
      <path d="M2.5 12S6 5.5 12 5.5 21.5 12 21.5 12 18 18.5 12 18.5 2.5 12 2.5 12z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  'eye-off': (
    <>
      <path d="M4 4l16 16M10 5.7A9.6 9.6 0 0112 5.5c6 0 9.5 6.5 9.5 6.5a16 16 0 01-2.6 3.4M6.3 7.3C3.9 9 2.5 12 2.5 12s3.5 6.5 9.5 6.5a9 9 0 004.5-1.2" />
      <path d="M9.9 9.9a3 3 0 004.2 4.2" />
    </>
  ),
  logo: (
    <>
      <circle cx="5.5" cy="12" r="2.5" />
      <circle cx="18.5" cy="6" r="2.5" />
      <circle cx="18.5" cy="18" r="2.5" />
      <path d="M8 11l8-4M8 13l8 4" />
    </>
  ),
  run: <path d="M7 4.5v15l12-7.5z" />,
  collapse: <path d="M8 4l4 4 4-4M8 20l4-4 4 4M4 12h16" />,
  expand: <path d="M8 8l4-4 4 4M8 16l4 4 4-4M4 12h16" />,
  grid: (
    <>
      <circle cx="6" cy="6" r=".9" fill="currentColor" />
      <circle cx="12" cy="6" r=".9" fill="currentColor" />
      <circle cx="18" cy="6" r=".9" fill="currentColor" />
      <circle cx="6" cy="12" r=".9" fill="currentColor" />
      <circle cx="12" cy="12" r=".9" fill="currentColor" />
      <circle cx="18" cy="12" r=".9" fill="currentColor" />
      <circle cx="6" cy="18" r=".9" fill="currentColor" />
      <circle cx="12" cy="18" r=".9" fill="currentColor" />
      <circle cx="18" cy="18" r=".9" fill="currentColor" />
    </>
  ),
  map: <path d="M3.5 6.5l5.5-2 6 2 5.5-2v13l-5.5 2-6-2-5.5 2zM9 4.5v13M15 6.5v13" />,
  list: <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />,
  history: (
    <>
      <path d="M3.5 12a8.5 8.5 0 102.5-6L3.5 8.5" />
      <path d="M3.5 4v4.5H8M12 7.5V12l3 2" />
    </>
  ),
  keyboard: (
    <>
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6 10h.01M9.5 10h.01M13 10h.01M16.5 10h.01M8 14.5h8" />
    </>
  ),
};

export interface IconProps {
  name: string;
  size?: number;
  className?: string;
  title?: string;
}

export const Icon = memo(function Icon({ name, size = 16, className, title }: IconProps) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden={title ? undefined : true}
      role={title ? 'img' : undefined}
    >
      {title ? <title>{title}</title> : null}
      {PATHS[name] ?? PATHS.box}
    </svg>
  );
});
