/// How a creator's assignment offer is authenticated, whatever its account:
/// the text a wallet's `signMessage` signs for an offer (AIP-62 envelope),
/// and the authentication keys and signatures of the Ed25519 key schemes.
///
/// Wallet envelope (defined in `move/README.md`, "Wallet-signed offers"):
/// `"APTOS\n"`, then the optional lines `"address: <text>\n"`,
/// `"application: <text>\n"`, `"chainId: <chain id>\n"` in that order, then
/// `"message: " ++ offer_message(..) ++ "\nnonce: " ++ <offer nonce>`. The
/// contract rebuilds these bytes from the offer's fields, the job and the
/// payment asset, so a signature binds every term; only the optional lines'
/// texts come from the caller, and the address line must name the creator.
///
/// Key schemes (the authentication-key suffix byte): 0 Ed25519
/// (`sha3_256(pk ++ 0x00)`), 2 SingleKey (`sha3_256(bcs(AnyPublicKey) ++
/// 0x02)`, an Ed25519 key is `0x00 0x20 pk`), 3 MultiKey
/// (`sha3_256(bcs(MultiKey { public_keys: vector<AnyPublicKey>,
/// signatures_required: u8 }) ++ 0x03)`). Signatures: 64 Ed25519 bytes for
/// schemes 0 and 2; `bcs(MultiKeySignature { signatures: vector<AnySignature>,
/// bitmap: vector<u8> })` for scheme 3, where bit `i` (most significant bit
/// first) marks key `i` as a signer and only Ed25519 keys can sign.
///
/// Everything here is pure: no state, no events.
module lumen::offer_auth {
    use std::error;
    use std::hash;
    use std::option::{Self, Option};
    use std::string::String;
    use aptos_std::ed25519;
    use aptos_std::from_bcs;

    // Constants.

    /// Key scheme: a legacy single Ed25519 key.
    const SCHEME_ED25519: u8 = 0;
    /// Key scheme: SingleKey (one `AnyPublicKey`).
    const SCHEME_SINGLE_KEY: u8 = 2;
    /// Key scheme: MultiKey (k of n `AnyPublicKey`s).
    const SCHEME_MULTI_KEY: u8 = 3;

    /// `AnyPublicKey` / `AnySignature` variants.
    const ANY_ED25519: u8 = 0;
    const ANY_SECP256K1: u8 = 1;
    const ANY_SECP256R1: u8 = 2;
    const ANY_KEYLESS: u8 = 3;
    const ANY_FEDERATED_KEYLESS: u8 = 4;

    const PUBLIC_KEY_BYTES: u64 = 32;
    const SIGNATURE_BYTES: u64 = 64;
    /// Most keys a MultiKey holds (its bitmap has 32 bits).
    const MAX_MULTI_KEYS: u64 = 32;

    // Errors.

    /// A wallet envelope line (`address` or `application`) holds a line break.
    const EHeaderLineBreak: u64 = 1;
    /// The envelope's `address` line does not name the creator.
    const EHeaderAddress: u64 = 2;
    /// The key scheme is not 0 (Ed25519), 2 (SingleKey) or 3 (MultiKey).
    const EUnknownScheme: u64 = 3;
    /// The public key bytes do not parse for their scheme.
    const EMalformedPublicKey: u64 = 4;
    /// The signature bytes do not parse for their scheme.
    const EMalformedSignature: u64 = 5;
    /// A key or signature type this contract cannot verify (only Ed25519 signs).
    const EUnsupportedKey: u64 = 6;

    // Wallet envelope.

    /// The offer text (the `message` of `signMessage`): a readable rendering
    /// of the offer, an empty line, and the machine line
    /// `lumen-offer-v1 package=.. job=.. worker=.. price_per_frame=..
    /// render_deadline=.. offer_expires_at=.. nonce=.. chain_id=..`.
    /// Addresses are `0x` and 64 lowercase hex digits; the price shows
    /// `decimals` places of the payment asset and its `symbol`.
    public(package) fun offer_message(
        package: address,
        job: address,
        job_id: u64,
        worker: address,
        price_per_frame: u64,
        decimals: u8,
        symbol: String,
        render_deadline: u64,
        offer_expires_at: u64,
        nonce: u64,
        chain_id: u8,
    ): vector<u8> {
        let out = b"Lumen render job offer\nJob: #";
        append_decimal(&mut out, job_id);
        out.append(b"\nWorker: ");
        out.append(long_hex(worker));
        out.append(b"\nPrice per frame: ");
        out.append(format_amount(price_per_frame, decimals));
        if (!symbol.is_empty()) {
            out.push_back(0x20);
            out.append(*symbol.bytes());
        };
        out.append(b"\nRender deadline: ");
        out.append(format_utc(render_deadline));
        out.append(b" UTC\nOffer expires: ");
        out.append(format_utc(offer_expires_at));
        out.append(b" UTC\nChain id: ");
        append_decimal(&mut out, (chain_id as u64));
        out.append(b"\n\nlumen-offer-v1 package=");
        out.append(long_hex(package));
        out.append(b" job=");
        out.append(long_hex(job));
        out.append(b" worker=");
        out.append(long_hex(worker));
        out.append(b" price_per_frame=");
        append_decimal(&mut out, price_per_frame);
        out.append(b" render_deadline=");
        append_decimal(&mut out, render_deadline);
        out.append(b" offer_expires_at=");
        append_decimal(&mut out, offer_expires_at);
        out.append(b" nonce=");
        append_decimal(&mut out, nonce);
        out.append(b" chain_id=");
        append_decimal(&mut out, (chain_id as u64));
        out
    }

    /// The full text a wallet signs (UTF-8 bytes): `wallet_address` and
    /// `wallet_application` are the `address:` and `application:` texts as the
    /// wallet wrote them (empty: the line is absent), `wallet_chain_id` whether
    /// the `chainId:` line (with `chain_id`) is there.
    ///
    /// # Aborts
    /// * `EHeaderLineBreak` if either text holds a line break.
    /// * `EHeaderAddress` if `wallet_address` is not `0x` hex naming `creator`.
    public(package) fun wallet_envelope(
        creator: address,
        wallet_address: String,
        wallet_application: String,
        wallet_chain_id: bool,
        chain_id: u8,
        message: vector<u8>,
        nonce: u64,
    ): vector<u8> {
        let address_text = *wallet_address.bytes();
        let application = *wallet_application.bytes();
        assert!(
            !address_text.contains(&0x0a) && !application.contains(&0x0a),
            error::invalid_argument(EHeaderLineBreak),
        );
        let out = b"APTOS\n";
        if (!address_text.is_empty()) {
            assert!(parse_address(&address_text) == option::some(creator), error::invalid_argument(EHeaderAddress));
            out.append(b"address: ");
            out.append(address_text);
            out.push_back(0x0a);
        };
        if (!application.is_empty()) {
            out.append(b"application: ");
            out.append(application);
            out.push_back(0x0a);
        };
        if (wallet_chain_id) {
            out.append(b"chainId: ");
            append_decimal(&mut out, (chain_id as u64));
            out.push_back(0x0a);
        };
        out.append(b"message: ");
        out.append(message);
        out.append(b"\nnonce: ");
        append_decimal(&mut out, nonce);
        out
    }

    /// `amount` base units with `decimals` places, the fraction's trailing
    /// zeros and a bare point dropped (`800`, 6 -> `0.0008`; `7`, 0 -> `7`).
    public(package) fun format_amount(amount: u64, decimals: u8): vector<u8> {
        let digits = vector[];
        append_decimal(&mut digits, amount);
        let d = (decimals as u64);
        if (d == 0) return digits;
        // Left-pad to at least d + 1 digits so the whole part is never empty.
        let padded = vector[];
        let len = digits.length();
        while (len + padded.length() < d + 1) padded.push_back(0x30);
        padded.append(digits);
        let whole_len = padded.length() - d;
        let end = padded.length();
        while (end > whole_len && padded[end - 1] == 0x30) end -= 1;
        let out = padded.slice(0, whole_len);
        if (end > whole_len) {
            out.push_back(0x2e);
            out.append(padded.slice(whole_len, end));
        };
        out
    }

    /// Unix seconds as `YYYY-MM-DD HH:MM:SS` (UTC, proleptic Gregorian; the
    /// year has at least four digits). Days become a civil date with
    /// H. Hinnant's algorithm, unsigned since `secs >= 0`.
    public(package) fun format_utc(secs: u64): vector<u8> {
        let days = secs / 86400;
        let rem = secs % 86400;
        let z = days + 719468;
        let era = z / 146097;
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if (mp < 10) mp + 3 else mp - 9;
        let year = yoe + era * 400 + if (month <= 2) 1 else 0;
        let out = vector[];
        let y = vector[];
        append_decimal(&mut y, year);
        while (out.length() + y.length() < 4) out.push_back(0x30);
        out.append(y);
        out.push_back(0x2d);
        append_two(&mut out, month);
        out.push_back(0x2d);
        append_two(&mut out, day);
        out.push_back(0x20);
        append_two(&mut out, rem / 3600);
        out.push_back(0x3a);
        append_two(&mut out, rem % 3600 / 60);
        out.push_back(0x3a);
        append_two(&mut out, rem % 60);
        out
    }

    /// `0x` and the 64 lowercase hex digits of `a`.
    public(package) fun long_hex(a: address): vector<u8> {
        let out = b"0x";
        std::bcs::to_bytes(&a).for_each(|b| {
            out.push_back(hex_digit(b >> 4));
            out.push_back(hex_digit(b & 0x0f));
        });
        out
    }

    /// The address a `0x`-prefixed hex text (1 to 64 digits, either case)
    /// names; none for anything else.
    public(package) fun parse_address(text: &vector<u8>): Option<address> {
        let n = text.length();
        if (n < 3 || n > 66 || text[0] != 0x30 || (text[1] != 0x78 && text[1] != 0x58)) {
            return option::none()
        };
        // Right-align the digits in 32 bytes.
        let bytes = vector[];
        let i = 0;
        while (i < 32) {
            bytes.push_back(0);
            i += 1;
        };
        let digits = n - 2;
        let k = 0;
        while (k < digits) {
            let c = text[n - 1 - k];
            let v = if (c >= 0x30 && c <= 0x39) c - 0x30
                else if (c >= 0x61 && c <= 0x66) c - 0x61 + 10
                else if (c >= 0x41 && c <= 0x46) c - 0x41 + 10
                else return option::none();
            let at = 31 - k / 2;
            bytes[at] = if (k % 2 == 0) v else bytes[at] | (v << 4);
            k += 1;
        };
        option::some(from_bcs::to_address(bytes))
    }

    // Key schemes.

    /// The authentication key an account with `public_key` of `scheme` has
    /// (what `account::get_authentication_key` returns for it).
    ///
    /// # Aborts
    /// * `EUnknownScheme` for a scheme other than 0, 2, 3.
    /// * `EMalformedPublicKey` if the bytes do not parse for the scheme.
    /// * `EUnsupportedKey` for a SingleKey that is not Ed25519, or a MultiKey
    ///   member of an unknown type.
    public(package) fun authentication_key(scheme: u8, public_key: vector<u8>): vector<u8> {
        if (scheme == SCHEME_ED25519) {
            assert!(public_key.length() == PUBLIC_KEY_BYTES, error::invalid_argument(EMalformedPublicKey));
        } else if (scheme == SCHEME_SINGLE_KEY) {
            single_ed25519(&public_key);
        } else if (scheme == SCHEME_MULTI_KEY) {
            multi_keys(&public_key);
        } else {
            abort error::invalid_argument(EUnknownScheme)
        };
        let bytes = public_key;
        bytes.push_back(scheme);
        hash::sha3_256(bytes)
    }

    /// Whether `signature` by `public_key` (of `scheme`) signs `message`
    /// (strict Ed25519 for each signer; a MultiKey needs at least
    /// `signatures_required` valid signatures of distinct keys).
    ///
    /// # Aborts
    /// * `EUnknownScheme`, `EMalformedPublicKey` as `authentication_key`.
    /// * `EMalformedSignature` if the signature bytes do not parse.
    /// * `EUnsupportedKey` if a MultiKey signer is not an Ed25519 key.
    public(package) fun verify(scheme: u8, public_key: vector<u8>, signature: vector<u8>, message: vector<u8>): bool {
        if (scheme == SCHEME_ED25519) {
            assert!(public_key.length() == PUBLIC_KEY_BYTES, error::invalid_argument(EMalformedPublicKey));
            verify_ed25519(public_key, signature, message)
        } else if (scheme == SCHEME_SINGLE_KEY) {
            verify_ed25519(single_ed25519(&public_key), signature, message)
        } else if (scheme == SCHEME_MULTI_KEY) {
            verify_multi(public_key, signature, message)
        } else {
            abort error::invalid_argument(EUnknownScheme)
        }
    }

    fun verify_ed25519(public_key: vector<u8>, signature: vector<u8>, message: vector<u8>): bool {
        assert!(signature.length() == SIGNATURE_BYTES, error::invalid_argument(EMalformedSignature));
        ed25519::signature_verify_strict(
            &ed25519::new_signature_from_bytes(signature),
            &ed25519::new_unvalidated_public_key_from_bytes(public_key),
            message,
        )
    }

    /// The Ed25519 key of a SingleKey `bcs(AnyPublicKey::Ed25519)`: `0x00 0x20 pk`.
    fun single_ed25519(any: &vector<u8>): vector<u8> {
        assert!(any.is_empty() || any[0] == ANY_ED25519, error::invalid_argument(EUnsupportedKey));
        assert!(
            any.length() == 2 + PUBLIC_KEY_BYTES && any[1] == (PUBLIC_KEY_BYTES as u8),
            error::invalid_argument(EMalformedPublicKey),
        );
        any.slice(2, any.length())
    }

    /// The keys of a `bcs(MultiKey)` as (variant, Ed25519 key or empty) and
    /// `signatures_required`.
    fun multi_keys(bytes: &vector<u8>): (vector<u8>, vector<vector<u8>>, u64) {
        let (n, at) = read_uleb(bytes, 0, EMalformedPublicKey);
        assert!(n > 0 && n <= MAX_MULTI_KEYS, error::invalid_argument(EMalformedPublicKey));
        let variants = vector[];
        let keys = vector[];
        let i = 0;
        while (i < n) {
            assert!(at < bytes.length(), error::invalid_argument(EMalformedPublicKey));
            let variant = bytes[at];
            at += 1;
            let key = vector[];
            if (variant == ANY_ED25519) {
                let (len, start) = read_uleb(bytes, at, EMalformedPublicKey);
                assert!(len == PUBLIC_KEY_BYTES, error::invalid_argument(EMalformedPublicKey));
                at = skip(bytes, start, len, EMalformedPublicKey);
                key = bytes.slice(start, at);
            } else if (variant == ANY_SECP256K1 || variant == ANY_SECP256R1) {
                at = skip_bytes(bytes, at, EMalformedPublicKey);
            } else if (variant == ANY_KEYLESS) {
                at = skip_bytes(bytes, skip_bytes(bytes, at, EMalformedPublicKey), EMalformedPublicKey);
            } else if (variant == ANY_FEDERATED_KEYLESS) {
                let after_jwk = skip(bytes, at, 32, EMalformedPublicKey);
                at = skip_bytes(bytes, skip_bytes(bytes, after_jwk, EMalformedPublicKey), EMalformedPublicKey);
            } else {
                abort error::invalid_argument(EUnsupportedKey)
            };
            variants.push_back(variant);
            keys.push_back(key);
            i += 1;
        };
        assert!(at + 1 == bytes.length(), error::invalid_argument(EMalformedPublicKey));
        let required = (bytes[at] as u64);
        assert!(required > 0 && required <= n, error::invalid_argument(EMalformedPublicKey));
        (variants, keys, required)
    }

    fun verify_multi(public_key: vector<u8>, signature: vector<u8>, message: vector<u8>): bool {
        let (variants, keys, required) = multi_keys(&public_key);
        let (m, at) = read_uleb(&signature, 0, EMalformedSignature);
        let sigs = vector[];
        let i = 0;
        while (i < m) {
            assert!(at < signature.length(), error::invalid_argument(EMalformedSignature));
            assert!(signature[at] == ANY_ED25519, error::invalid_argument(EUnsupportedKey));
            let (len, start) = read_uleb(&signature, at + 1, EMalformedSignature);
            assert!(len == SIGNATURE_BYTES, error::invalid_argument(EMalformedSignature));
            at = skip(&signature, start, len, EMalformedSignature);
            sigs.push_back(signature.slice(start, at));
            i += 1;
        };
        let (bitmap_len, start) = read_uleb(&signature, at, EMalformedSignature);
        assert!(bitmap_len <= 4 && start + bitmap_len == signature.length(), error::invalid_argument(EMalformedSignature));
        // Signer indices, ascending, one per signature; none past the keys.
        let n = keys.length();
        let signers = vector[];
        let bit = 0;
        while (bit < bitmap_len * 8) {
            if ((signature[start + bit / 8] >> ((7 - bit % 8) as u8)) & 1 == 1) {
                assert!(bit < n, error::invalid_argument(EMalformedSignature));
                signers.push_back(bit);
            };
            bit += 1;
        };
        assert!(signers.length() == m, error::invalid_argument(EMalformedSignature));
        if (m < required) return false;
        let j = 0;
        while (j < m) {
            let k = signers[j];
            assert!(variants[k] == ANY_ED25519, error::invalid_argument(EUnsupportedKey));
            if (!verify_ed25519(keys[k], sigs[j], message)) return false;
            j += 1;
        };
        true
    }

    // Byte helpers.

    /// A ULEB128 value at `at` (at most 4 bytes, plenty for these lengths) and
    /// the index after it.
    fun read_uleb(bytes: &vector<u8>, at: u64, err: u64): (u64, u64) {
        let value = 0;
        let shift = 0;
        loop {
            assert!(at < bytes.length() && shift < 28, error::invalid_argument(err));
            let b = bytes[at];
            at += 1;
            value |= ((b & 0x7f) as u64) << shift;
            if (b & 0x80 == 0) break;
            shift += 7;
        };
        (value, at)
    }

    fun skip(bytes: &vector<u8>, at: u64, len: u64, err: u64): u64 {
        assert!(at + len <= bytes.length(), error::invalid_argument(err));
        at + len
    }

    /// Skips a ULEB128-prefixed byte string.
    fun skip_bytes(bytes: &vector<u8>, at: u64, err: u64): u64 {
        let (len, start) = read_uleb(bytes, at, err);
        skip(bytes, start, len, err)
    }

    fun hex_digit(v: u8): u8 {
        if (v < 10) 0x30 + v else 0x61 + v - 10
    }

    fun append_two(out: &mut vector<u8>, n: u64) {
        out.push_back(0x30 + ((n / 10) as u8));
        out.push_back(0x30 + ((n % 10) as u8));
    }

    /// Appends `n` in decimal.
    fun append_decimal(out: &mut vector<u8>, n: u64) {
        let digits = vector[];
        loop {
            digits.push_back(0x30 + ((n % 10) as u8));
            n /= 10;
            if (n == 0) break;
        };
        digits.reverse();
        out.append(digits);
    }
}
