/** The drag-and-drop data type that carries an operator id from the palette to the canvas. */
export const OPERATOR_DRAG_TYPE = 'application/x-dagstudio-operator';
