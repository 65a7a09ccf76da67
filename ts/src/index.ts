// The TypeScript client of the Lumen Move package for dapps and wallets, on
// @aptos-labs/ts-sdk: typed builders for every entry function and view
// (generated from lumen-sdk's tables), event types and decoding, and the
// wallet envelope of assignment offers.
export * from "./generated.js";
export * from "./runtime.js";
export * from "./client.js";
export * from "./envelope.js";
export * from "./package.js";
