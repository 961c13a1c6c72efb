// What a user does to the app under jsdom (finds a field, types, clicks), in the way
// React notices it.
import { act } from 'react';

/** Types as a user would: sets the value and fires the input event React listens to. */
export function typeInto(element: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(element), 'value')?.set;
  act(() => {
    setter?.call(element, value);
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The text field a user finds by its label: the first label in `within` reading `label`. */
export function fieldLabelled(
  within: ParentNode,
  label: string,
): HTMLInputElement | HTMLTextAreaElement {
  const control = Array.from(within.querySelectorAll('label')).find(
    (candidate) => candidate.textContent === label,
  )?.control;
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) return control;
  throw new Error(`no field labelled "${label}"`);
}

/** The button a user finds by its text: the first in `within` reading `name`. */
export function buttonNamed(within: ParentNode, name: string): HTMLButtonElement {
  const found = Array.from(within.querySelectorAll('button')).find(
    (candidate) => candidate.textContent === name,
  );
  if (!found) throw new Error(`no button "${name}"`);
  return found;
}

export function click(element: HTMLElement): void {
  act(() => element.click());
}
