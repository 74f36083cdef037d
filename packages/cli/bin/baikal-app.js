#!/usr/bin/env node
// Entry for `cdktf synth|plan|apply` (cdktf.json "app"): runs the platform's app with tsx's loader.
import { register } from "tsx/esm/api";

register();
await import("@baikal/platform/app");
