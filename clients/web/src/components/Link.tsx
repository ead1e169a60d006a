import type { ComponentChildren } from "preact";
import { hrefOf, type Route } from "../routes.js";
import { useStore } from "../state/context.js";

/** A link to another screen of the page, followed without reloading it. */
export function Link({ to, children, class: className }: { to: Route; children: ComponentChildren; class?: string }) {
  const { actions } = useStore();
  const follow = (event: MouseEvent) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    actions.navigate(to);
  };
  return (
    <a href={hrefOf(to)} class={className} onClick={follow}>
      {children}
    </a>
  );
}
