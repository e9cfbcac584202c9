/** Sizes the canvas lays tasks and groups out with (the task node's CSS uses the same numbers). */
export const TASK_WIDTH = 224;
export const TASK_HEIGHT = 60;
export const NOTE_EXTRA_HEIGHT = 50;
export const GROUP_PADDING = 20;
export const GROUP_HEADER = 30;
export const COLLAPSED_WIDTH = 224;
export const COLLAPSED_HEIGHT = 60;
export const GRID = 16;

export const snap = (value: number): number => Math.round(value / GRID) * GRID;

/** The handles' centre line, from the top of a task card (the CSS puts them there too). */
export const HANDLE_Y = 30;
export const HANDLE_SIZE = 11;
