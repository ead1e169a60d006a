import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { Actions } from "./actions.js";
import type { State } from "./state.js";
import type { PageConfig } from "../config.js";

export interface Store {
  state: State;
  actions: Actions;
  config: PageConfig;
  signInWithProvider: () => Promise<void>;
}

export const StoreContext = createContext<Store | null>(null);

export function useStore(): Store {
  const store = useContext(StoreContext);
  if (!store) throw new Error("useStore outside StoreContext");
  return store;
}
