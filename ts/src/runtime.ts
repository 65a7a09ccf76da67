// What the generated builders (generated.ts) run: argument normalisation by
// Move type, ABIs for offline building, and event/view decoding by table.
import {
  AccountAddress,
  Hex,
  parseTypeTag,
  type AccountAddressInput,
  type EntryFunctionABI,
  type HexInput,
  type InputEntryFunctionData,
  type InputViewFunctionData,
  type MoveFunctionId,
  type ViewFunctionABI,
} from "@aptos-labs/ts-sdk";

/** Where the Lumen package is published (any address form). */
export type PackageAddress = AccountAddressInput;

/** A `u64` argument: a safe integer, a bigint or a decimal string. */
export type U64Input = number | bigint | string;

/** A parameter or field: name, Rust type in lumen-sdk, Move type. */
export interface Typed {
  readonly name: string;
  readonly rust: string;
  readonly move: string;
}

/** An entry function of lumen-sdk's table. */
export interface EntryFunctionInfo {
  readonly module: string;
  readonly name: string;
  readonly doc: string;
  readonly params: readonly Typed[];
}

/** A view function of lumen-sdk's table. */
export interface ViewFunctionInfo {
  readonly module: string;
  readonly name: string;
  readonly doc: string;
  readonly params: readonly Typed[];
  readonly returns: readonly { readonly rust: string; readonly move: string }[];
}

/** An event or a struct a view returns. */
export interface StructInfo {
  readonly module: string;
  readonly name: string;
  readonly fields: readonly Typed[];
}

/** A view call: the payload `Aptos.view` takes, typed with its result. */
export type ViewCall<T> = InputViewFunctionData & { readonly __result?: T };

/** The package address in long form (`0x` + 64 hex digits). */
export function longAddress(a: AccountAddressInput): `0x${string}` {
  return AccountAddress.from(a, { maxMissingChars: 63 }).toStringLong();
}

const U64_MAX = (1n << 64n) - 1n;

function u64(v: unknown, what: string): string {
  let n: bigint;
  if (typeof v === "bigint") n = v;
  else if (typeof v === "number" && Number.isSafeInteger(v)) n = BigInt(v);
  else if (typeof v === "string" && /^[0-9]+$/.test(v)) n = BigInt(v);
  else throw new Error(`${what}: expected a u64 (safe integer, bigint or decimal string), got ${String(v)}`);
  if (n < 0n || n > U64_MAX) throw new Error(`${what}: ${n} is out of the u64 range`);
  return n.toString();
}

/**
 * The wallet form of one argument of Move type `move`: `u64` as a decimal
 * string, `u8` a number, addresses long hex, `vector<u8>` a Uint8Array (a
 * string would be signed as UTF-8 text by the ts-sdk), vectors as arrays.
 */
export function normalize(move: string, v: unknown, what: string): unknown {
  switch (move) {
    case "u64":
      return u64(v, what);
    case "u8":
      if (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 255) return v;
      throw new Error(`${what}: expected a u8 number, got ${String(v)}`);
    case "bool":
      if (typeof v === "boolean") return v;
      throw new Error(`${what}: expected a boolean, got ${String(v)}`);
    case "address":
      try {
        return longAddress(v as AccountAddressInput);
      } catch (e) {
        throw new Error(`${what}: not an address: ${(e as Error).message}`);
      }
    case "0x1::string::String":
      if (typeof v === "string") return v;
      throw new Error(`${what}: expected a string, got ${String(v)}`);
    case "vector<u8>":
      if (Array.isArray(v)) {
        if (v.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) return Uint8Array.from(v);
        throw new Error(`${what}: expected byte numbers 0..=255`);
      }
      try {
        return Hex.fromHexInput(v as HexInput).toUint8Array();
      } catch (e) {
        throw new Error(`${what}: expected hex, bytes or byte numbers: ${(e as Error).message}`);
      }
    default: {
      const inner = /^vector<(.+)>$/.exec(move);
      if (inner && Array.isArray(v)) return v.map((x, i) => normalize(inner[1], x, `${what}[${i}]`));
      if (inner) throw new Error(`${what}: expected an array, got ${String(v)}`);
      throw new Error(`${what}: no conversion for Move type ${move}`);
    }
  }
}

/** `lumen::m::S` (the package's own struct) with the package's address. */
export function qualify(move: string, pkg: PackageAddress): string {
  return move.replace(/\blumen::/g, `${longAddress(pkg)}::`);
}

/** The call of an entry function as a wallet takes it. */
export function buildEntry(pkg: PackageAddress, info: EntryFunctionInfo, values: readonly unknown[]): InputEntryFunctionData {
  const id = `${info.module}::${info.name}`;
  return {
    function: `${longAddress(pkg)}::${id}` as MoveFunctionId,
    typeArguments: [],
    functionArguments: info.params.map((p, i) => normalize(p.move, values[i], `${id}: argument \`${p.name}\``)) as InputEntryFunctionData["functionArguments"],
  };
}

/** The ABI of an entry function, so the ts-sdk builds it without a node. */
export function entryAbi(info: EntryFunctionInfo, pkg: PackageAddress): EntryFunctionABI {
  return { typeParameters: [], parameters: info.params.map((p) => parseTypeTag(qualify(p.move, pkg))) };
}

/** A view call with its ABI (no ABI round trip to the node). */
export function buildView<T>(pkg: PackageAddress, info: ViewFunctionInfo, values: readonly unknown[]): ViewCall<T> {
  const id = `${info.module}::${info.name}`;
  const abi: ViewFunctionABI = {
    typeParameters: [],
    parameters: info.params.map((p) => parseTypeTag(qualify(p.move, pkg))),
    returnTypes: info.returns.map((r) => parseTypeTag(qualify(r.move, pkg))),
  };
  return {
    function: `${longAddress(pkg)}::${id}` as MoveFunctionId,
    typeArguments: [],
    functionArguments: info.params.map((p, i) => normalize(p.move, values[i], `${id}: argument \`${p.name}\``)) as InputViewFunctionData["functionArguments"],
    abi,
  };
}

/** Whether `v` is the REST JSON form of Move type `move`. */
export function isRestJson(move: string, v: unknown, structs: readonly StructInfo[]): boolean {
  switch (move) {
    case "u8":
      return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 255;
    case "u64":
    case "u128":
      return typeof v === "string" && /^[0-9]+$/.test(v);
    case "bool":
      return typeof v === "boolean";
    case "address":
      return typeof v === "string" && /^0x[0-9a-fA-F]{1,64}$/.test(v);
    case "vector<u8>":
      return typeof v === "string" && /^0x([0-9a-fA-F]{2})*$/.test(v);
    case "0x1::string::String":
      return typeof v === "string";
  }
  const vec = /^vector<(.+)>$/.exec(move);
  if (vec) return Array.isArray(v) && v.every((x) => isRestJson(vec[1], x, structs));
  const opt = /^0x1::option::Option<(.+)>$/.exec(move);
  if (opt) {
    const inner = (v as { vec?: unknown })?.vec;
    return Array.isArray(inner) && inner.length <= 1 && inner.every((x) => isRestJson(opt[1], x, structs));
  }
  const own = /^lumen::(\w+)::(\w+)$/.exec(move);
  const s = own && structs.find((x) => x.module === own[1] && x.name === own[2]);
  return !!s && structProblem(s, v, structs) === undefined;
}

/** What is wrong with `data` as the REST JSON of struct `s` (undefined: nothing). */
export function structProblem(s: StructInfo, data: unknown, structs: readonly StructInfo[]): string | undefined {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return `${s.name}: expected a JSON object`;
  const obj = data as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (!s.fields.some((f) => f.name === k)) return `${s.name}: \`${k}\` is not a field of the Move struct`;
  }
  for (const f of s.fields) {
    if (!(f.name in obj)) return `${s.name}: missing field \`${f.name}\` (${f.move})`;
    if (!isRestJson(f.move, obj[f.name], structs)) return `${s.name}: field \`${f.name}\` is not a ${f.move}: ${JSON.stringify(obj[f.name])}`;
  }
  return undefined;
}

/** `module::name` of a type string when its address is the package's (short or long). */
export function stripPackage(pkg: PackageAddress, type: string): [string, string] | undefined {
  const m = /^(0x[0-9a-fA-F]+)::(\w+)::(\w+)$/.exec(type);
  if (!m) return undefined;
  let addr: string;
  try {
    addr = longAddress(m[1]);
  } catch {
    return undefined;
  }
  return addr === longAddress(pkg) ? [m[2], m[3]] : undefined;
}
