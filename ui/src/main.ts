// Entry point of the Kortisto web UI: loads the global styles and mounts the app shell.
// Owns nothing else; start-up logic lives in features/register.
import "./app.css";
import { mount } from "svelte";
import App from "./App.svelte";

const target = document.getElementById("app");
if (!target) throw new Error("#app element missing from index.html");

export default mount(App, { target });
