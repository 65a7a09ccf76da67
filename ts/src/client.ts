// Using the generated tables with the ts-sdk: offline payloads, typed
// views, decoded events.
import {
  type Aptos,
  type InputEntryFunctionData,
  type InputEntryFunctionDataWithABI,
  type MoveValue,
  generateTransactionPayloadWithABI,
  type TransactionPayloadEntryFunction,
} from "@aptos-labs/ts-sdk";

import { ENTRY_FUNCTIONS, EVENTS, VIEW_STRUCTS, type LumenEventData } from "./generated.js";
import { entryAbi, type EntryFunctionInfo, type PackageAddress, stripPackage, structProblem, type ViewCall } from "./runtime.js";

function entryInfo(data: InputEntryFunctionData): [EntryFunctionInfo, string] {
  const parts = data.function.split("::");
  const info = parts.length === 3 && ENTRY_FUNCTIONS.find((f) => f.module === parts[1] && f.name === parts[2]);
  if (!info) throw new Error(`${data.function} is not an entry function of the Lumen package`);
  return [info, parts[0]];
}

/** The call with its ABI, so the ts-sdk (and wallets) build it without fetching the module. */
export function withAbi(data: InputEntryFunctionData): InputEntryFunctionDataWithABI {
  const [info, pkg] = entryInfo(data);
  return { ...data, abi: entryAbi(info, pkg) };
}

/** The BCS transaction payload of a call, built offline. */
export function payloadOf(data: InputEntryFunctionData): TransactionPayloadEntryFunction {
  return generateTransactionPayloadWithABI(withAbi(data));
}

/** The call as plain JSON `{function, typeArguments, functionArguments}` (bytes as number arrays), as `lumen --dry-run` prints it. */
export function toWalletJson(data: InputEntryFunctionData): { function: string; typeArguments: string[]; functionArguments: unknown[] } {
  const plain = (v: unknown): unknown => (v instanceof Uint8Array ? Array.from(v) : Array.isArray(v) ? v.map(plain) : v);
  return {
    function: data.function,
    typeArguments: (data.typeArguments ?? []).map(String),
    functionArguments: data.functionArguments.map(plain),
  };
}

/** Calls a view and returns its result typed (one value, or a tuple for several). */
export async function callView<T>(aptos: Aptos, call: ViewCall<T>): Promise<T> {
  const values: MoveValue[] = await aptos.view({ payload: call });
  return (call.abi && call.abi.returnTypes.length === 1 ? values[0] : values) as T;
}

/** A decoded event of the package. */
export type LumenEvent = { [K in keyof LumenEventData]: { type: K; data: LumenEventData[K] } }[keyof LumenEventData];

/**
 * Decodes a fullnode REST event (`{type, data}`): `undefined` for other
 * packages' events; an error naming the field when the data does not fit the
 * Move struct (missing, extra, or wrongly typed fields).
 */
export function decodeEvent(pkg: PackageAddress, event: { type: string; data: unknown }): LumenEvent | undefined {
  const name = stripPackage(pkg, event.type);
  if (!name) return undefined;
  const schema = EVENTS.find((e) => e.module === name[0] && e.name === name[1]);
  if (!schema) return undefined;
  const problem = structProblem(schema, event.data, VIEW_STRUCTS);
  if (problem) throw new Error(`cannot decode event ${event.type}: ${problem}`);
  return { type: `${name[0]}::${name[1]}`, data: event.data } as LumenEvent;
}
