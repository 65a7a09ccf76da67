// `offer_auth`: wallet-envelope header rules, address parsing, and the key
// schemes with keys made here (the golden cross-language cases are in
// `vectors_tests`). Every abort code has a test naming it.
#[test_only]
module lumen::offer_auth_tests {
    use std::option;
    use std::string;
    use aptos_std::ed25519;
    use lumen::offer_auth;

    const CREATOR: address = @0x7df415e5b21bdaa8b2946e8f1f4278b39904e51a69627494cd3e6f2996732fbd;

    fun envelope(address_text: vector<u8>, application: vector<u8>): vector<u8> {
        offer_auth::wallet_envelope(
            CREATOR, string::utf8(address_text), string::utf8(application), true, 4, b"m", 9
        )
    }

    fun ed25519_key(): (ed25519::SecretKey, vector<u8>) {
        let (sk, pk) = ed25519::generate_keys();
        (sk, ed25519::validated_public_key_to_bytes(&pk))
    }

    fun sign(sk: &ed25519::SecretKey, message: vector<u8>): vector<u8> {
        ed25519::signature_to_bytes(&ed25519::sign_arbitrary_bytes(sk, message))
    }

    /// `bcs(AnyPublicKey::Ed25519(pk))`.
    fun any_ed25519(pk: vector<u8>): vector<u8> {
        let out = x"0020";
        out.append(pk);
        out
    }

    /// `bcs(AnySignature::Ed25519(sig))`.
    fun any_signature(sig: vector<u8>): vector<u8> {
        let out = x"0040";
        out.append(sig);
        out
    }

    /// A 2-of-3 MultiKey [Ed25519 a, Secp256k1, Ed25519 b] and its secret keys.
    fun multi_key(): (vector<u8>, ed25519::SecretKey, ed25519::SecretKey) {
        let (a, pa) = ed25519_key();
        let (b, pb) = ed25519_key();
        let keys = x"03";
        keys.append(any_ed25519(pa));
        keys.append(x"014104989c0b76cb563971fdc9bef31ec06c3560f3249d6ee9e5d83c57625596e05f6f631f4d05b3ae518776ee08755a7703e64b2ebc32547504de0b55a142d4ecdf80");
        keys.append(any_ed25519(pb));
        keys.push_back(2);
        (keys, a, b)
    }

    /// `bcs(MultiKeySignature)` of signatures in ascending key order and a 4-byte bitmap.
    fun multi_signature(sigs: vector<vector<u8>>, bitmap: vector<u8>): vector<u8> {
        let out = vector[(sigs.length() as u8)];
        sigs.for_each(|s| out.append(any_signature(s)));
        out.push_back((bitmap.length() as u8));
        out.append(bitmap);
        out
    }

    #[test]
    fun header_lines_are_optional_and_in_order() {
        assert!(
            offer_auth::wallet_envelope(CREATOR, string::utf8(b""), string::utf8(b""), false, 4, b"m", 9)
                == b"APTOS\nmessage: m\nnonce: 9",
            0,
        );
        assert!(
            envelope(b"0x7DF415E5B21BDAA8B2946E8F1F4278B39904E51A69627494CD3E6F2996732FBD", b"lumen.example")
                == b"APTOS\naddress: 0x7DF415E5B21BDAA8B2946E8F1F4278B39904E51A69627494CD3E6F2996732FBD\napplication: lumen.example\nchainId: 4\nmessage: m\nnonce: 9",
            1,
        );
    }

    #[test]
    #[expected_failure(abort_code = 0x10001, location = lumen::offer_auth)]
    fun application_with_a_line_break_is_refused() {
        // EHeaderLineBreak: "x\nchainId: 1" would forge a chain id line.
        envelope(b"", b"x\nchainId: 1");
    }

    #[test]
    #[expected_failure(abort_code = 0x10001, location = lumen::offer_auth)]
    fun address_with_a_line_break_is_refused() {
        // EHeaderLineBreak
        envelope(b"0x1\n", b"");
    }

    #[test]
    #[expected_failure(abort_code = 0x10002, location = lumen::offer_auth)]
    fun address_line_of_another_account_is_refused() {
        // EHeaderAddress
        envelope(b"0xb0b", b"");
    }

    #[test]
    #[expected_failure(abort_code = 0x10002, location = lumen::offer_auth)]
    fun address_line_that_is_no_address_is_refused() {
        // EHeaderAddress
        envelope(b"creator", b"");
    }

    #[test]
    fun addresses_parse_in_every_wallet_spelling() {
        assert!(offer_auth::parse_address(&b"0x1") == option::some(@0x1), 0);
        assert!(offer_auth::parse_address(&b"0XaBc") == option::some(@0xabc), 1);
        assert!(offer_auth::parse_address(&offer_auth::long_hex(CREATOR)) == option::some(CREATOR), 2);
        assert!(offer_auth::parse_address(&b"0x").is_none(), 3);
        assert!(offer_auth::parse_address(&b"1234").is_none(), 4);
        assert!(offer_auth::parse_address(&b"0xg1").is_none(), 5);
        assert!(offer_auth::parse_address(&b"0x00000000000000000000000000000000000000000000000000000000000000001").is_none(), 6);
        assert!(offer_auth::long_hex(@0xcafe) == b"0x000000000000000000000000000000000000000000000000000000000000cafe", 7);
    }

    #[test]
    fun legacy_key_matches_the_framework() {
        let (sk, pk) = ed25519_key();
        assert!(
            offer_auth::authentication_key(0, pk)
                == ed25519::unvalidated_public_key_to_authentication_key(&ed25519::new_unvalidated_public_key_from_bytes(pk)),
            0,
        );
        assert!(offer_auth::verify(0, pk, sign(&sk, b"offer"), b"offer"), 1);
        assert!(!offer_auth::verify(0, pk, sign(&sk, b"offer"), b"other"), 2);
    }

    #[test]
    fun single_key_signs_and_derives_its_own_key() {
        let (sk, pk) = ed25519_key();
        let any = any_ed25519(pk);
        assert!(offer_auth::authentication_key(2, any) != offer_auth::authentication_key(0, pk), 0);
        assert!(offer_auth::verify(2, any, sign(&sk, b"offer"), b"offer"), 1);
        let (other, _) = ed25519_key();
        assert!(!offer_auth::verify(2, any, sign(&other, b"offer"), b"offer"), 2);
    }

    #[test]
    fun multi_key_needs_its_threshold_of_valid_signatures() {
        let (keys, a, b) = multi_key();
        let message = b"offer";
        let both = multi_signature(vector[sign(&a, message), sign(&b, message)], x"a0000000");
        assert!(offer_auth::verify(3, keys, both, message), 0);
        // A minimal-length bitmap reads the same.
        let short = multi_signature(vector[sign(&a, message), sign(&b, message)], x"a0");
        assert!(offer_auth::verify(3, keys, short, message), 1);
        // One signer of two required.
        assert!(!offer_auth::verify(3, keys, multi_signature(vector[sign(&a, message)], x"80000000"), message), 2);
        // Signatures swapped between the keys.
        let swapped = multi_signature(vector[sign(&b, message), sign(&a, message)], x"a0000000");
        assert!(!offer_auth::verify(3, keys, swapped, message), 3);
        assert!(!offer_auth::verify(3, keys, both, b"other"), 4);
    }

    #[test]
    #[expected_failure(abort_code = 0x10003, location = lumen::offer_auth)]
    fun multi_ed25519_scheme_is_unknown() {
        // EUnknownScheme: scheme 1 (MultiEd25519) is not taken.
        let (_, pk) = ed25519_key();
        offer_auth::authentication_key(1, pk);
    }

    #[test]
    #[expected_failure(abort_code = 0x10003, location = lumen::offer_auth)]
    fun unknown_scheme_does_not_verify() {
        // EUnknownScheme
        let (sk, pk) = ed25519_key();
        offer_auth::verify(4, pk, sign(&sk, b"m"), b"m");
    }

    #[test]
    #[expected_failure(abort_code = 0x10004, location = lumen::offer_auth)]
    fun short_ed25519_key_is_malformed() {
        // EMalformedPublicKey
        let (sk, pk) = ed25519_key();
        pk.pop_back();
        offer_auth::verify(0, pk, sign(&sk, b"m"), b"m");
    }

    #[test]
    #[expected_failure(abort_code = 0x10004, location = lumen::offer_auth)]
    fun short_single_key_is_malformed() {
        // EMalformedPublicKey
        let (_, pk) = ed25519_key();
        pk.pop_back();
        offer_auth::authentication_key(2, any_ed25519(pk));
    }

    #[test]
    #[expected_failure(abort_code = 0x10004, location = lumen::offer_auth)]
    fun multi_key_asking_for_more_signers_than_keys_is_malformed() {
        // EMalformedPublicKey
        let (keys, _, _) = multi_key();
        keys.pop_back();
        keys.push_back(4);
        offer_auth::authentication_key(3, keys);
    }

    #[test]
    #[expected_failure(abort_code = 0x10004, location = lumen::offer_auth)]
    fun truncated_multi_key_is_malformed() {
        // EMalformedPublicKey
        let (keys, _, _) = multi_key();
        offer_auth::authentication_key(3, keys.slice(0, 40));
    }

    #[test]
    #[expected_failure(abort_code = 0x10005, location = lumen::offer_auth)]
    fun short_signature_is_malformed() {
        // EMalformedSignature
        let (sk, pk) = ed25519_key();
        let sig = sign(&sk, b"m");
        sig.pop_back();
        offer_auth::verify(0, pk, sig, b"m");
    }

    #[test]
    #[expected_failure(abort_code = 0x10005, location = lumen::offer_auth)]
    fun bitmap_naming_more_signers_than_signatures_is_malformed() {
        // EMalformedSignature
        let (keys, a, _) = multi_key();
        offer_auth::verify(3, keys, multi_signature(vector[sign(&a, b"m")], x"a0000000"), b"m");
    }

    #[test]
    #[expected_failure(abort_code = 0x10005, location = lumen::offer_auth)]
    fun bitmap_naming_a_key_past_the_last_is_malformed() {
        // EMalformedSignature
        let (keys, a, b) = multi_key();
        offer_auth::verify(3, keys, multi_signature(vector[sign(&a, b"m"), sign(&b, b"m")], x"90000000"), b"m");
    }

    #[test]
    #[expected_failure(abort_code = 0x10006, location = lumen::offer_auth)]
    fun a_secp256k1_member_cannot_sign_here() {
        // EUnsupportedKey: key 1 of the MultiKey is Secp256k1.
        let (keys, a, b) = multi_key();
        offer_auth::verify(3, keys, multi_signature(vector[sign(&a, b"m"), sign(&b, b"m")], x"c0000000"), b"m");
    }

    #[test]
    #[expected_failure(abort_code = 0x10006, location = lumen::offer_auth)]
    fun a_secp256k1_single_key_cannot_sign_here() {
        // EUnsupportedKey
        let (sk, _) = ed25519_key();
        let secp = x"014104989c0b76cb563971fdc9bef31ec06c3560f3249d6ee9e5d83c57625596e05f6f631f4d05b3ae518776ee08755a7703e64b2ebc32547504de0b55a142d4ecdf80";
        offer_auth::verify(2, secp, sign(&sk, b"m"), b"m");
    }

    #[test]
    #[expected_failure(abort_code = 0x10006, location = lumen::offer_auth)]
    fun a_multi_key_of_an_unknown_key_type_is_refused() {
        // EUnsupportedKey: AnyPublicKey variant 9.
        offer_auth::authentication_key(3, x"01090001");
    }
}
