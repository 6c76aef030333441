// Sizes that only script knows (a virtual list's height, a row's offset) set through the CSSOM,
// which the Content-Security-Policy allows, never as inline style attributes (style-src 'self').
import type { Attachment } from "svelte/attachments";

/** An attachment setting CSS properties (custom properties too) on its element. */
export function cssProps(props: Record<string, string>): Attachment<HTMLElement> {
  return (element) => {
    for (const [name, value] of Object.entries(props)) element.style.setProperty(name, value);
  };
}
