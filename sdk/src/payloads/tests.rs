use super::*;

#[test]
fn create_job_bytes() {
    let f = escrow::create_job(&Package::DEV, &[0xab, 0xcd], 240, 1000, 2_000_000, 8192);
    assert_eq!(f.module.address, Package::DEV.address);
    assert_eq!(f.module.name.as_str(), "escrow");
    assert_eq!(f.function, "create_job");
    assert!(f.type_args.is_empty());
    assert_eq!(
        f.args,
        vec![
            vec![2, 0xab, 0xcd],
            240u64.to_le_bytes().to_vec(),
            1000u64.to_le_bytes().to_vec(),
            2_000_000u64.to_le_bytes().to_vec(),
            8192u64.to_le_bytes().to_vec(),
        ]
    );
}

#[test]
fn vectors_strings_bools_u8() {
    let a = AccountAddress::from_hex("0x2").unwrap();
    let f = rewards::report_uptime(&Package::DEV, 7, &[AccountAddress::ONE, a], &[3600, 5]);
    let mut addrs = vec![2u8];
    addrs.extend_from_slice(AccountAddress::ONE.as_bytes());
    addrs.extend_from_slice(a.as_bytes());
    let mut secs = vec![2u8];
    secs.extend_from_slice(&3600u64.to_le_bytes());
    secs.extend_from_slice(&5u64.to_le_bytes());
    assert_eq!(f.args, vec![7u64.to_le_bytes().to_vec(), addrs, secs]);

    let f = config::set_param(&Package::DEV, "epoch_secs", 60);
    assert_eq!(f.args[0], [&[10u8][..], b"epoch_secs"].concat());
    assert_eq!(
        config::set_paused(&Package::DEV, true).args,
        vec![vec![1u8]]
    );
    assert_eq!(vip::claim(&Package::DEV, 1).args, vec![vec![1u8]]);
    assert!(staking::withdraw(&Package::DEV).args.is_empty());
    // A long vector<u8> gets a multi-byte ULEB128 length.
    let f = escrow::dispute(&Package::DEV, a, &[7u8; 200]);
    assert_eq!(&f.args[1][..2], &[0xc8, 0x01]);
}

#[test]
fn campaign_bytes() {
    let a = AccountAddress::from_hex("0xa11ce").unwrap();
    let f = campaign::pay_leaderboard(&Package::DEV);
    assert_eq!(f.module.name.as_str(), "campaign");
    assert!(f.args.is_empty());
    let f = rewards::report_uptime(&Package::DEV, 3, &[a], &[5_000_000]);
    let mut workers = vec![1u8];
    workers.extend_from_slice(a.as_bytes());
    let mut secs = vec![1u8];
    secs.extend_from_slice(&5_000_000u64.to_le_bytes());
    assert_eq!(f.args[1..], [workers, secs]);
    let f = campaign::set_tier_amounts(&Package::DEV, &[200, 100, 50, 14, 8]);
    assert_eq!(f.args[0].len(), 1 + 5 * 8);
    assert_eq!(f.args[0][0], 5);
    assert!(campaign::check_in(&Package::DEV).args.is_empty());
    assert_eq!(
        campaign::grant_social_task(&Package::DEV, a, 3, 5_000_000).args[1],
        3u64.to_le_bytes().to_vec()
    );
}

#[test]
fn calls_decode_re_encode_and_render() {
    let p = Package::DEV;
    let a = AccountAddress::from_hex("0xa11ce").unwrap();
    let f = escrow::accept_offer(&p, a, 7, 100, 50, 3, &[1; 32], &[2; 64]);
    let call = Call::decode(&p, &f).unwrap();
    let Call::Escrow(escrow::Call::AcceptOffer {
        job,
        price_per_frame,
        creator_signature,
        ..
    }) = &call
    else {
        panic!("{call:?}")
    };
    assert_eq!((*job, *price_per_frame), (a, 7));
    assert_eq!(creator_signature, &vec![2u8; 64]);
    assert_eq!(call.entry_function(&p), f);
    let rest = call.rest_arguments();
    assert_eq!(rest[0], serde_json::json!({ "inner": a.to_hex() }));
    assert_eq!(rest[1], serde_json::json!("7"));
    assert_eq!(rest_arguments(&p, &f).unwrap(), rest);
    assert_eq!(
        Call::from_rest("escrow", "accept_offer", &rest).unwrap(),
        call
    );
    let f = rewards::report_uptime(&p, 7, &[a], &[60]);
    assert_eq!(
        rest_arguments(&p, &f).unwrap(),
        vec![
            serde_json::json!("7"),
            serde_json::json!([a.to_hex()]),
            serde_json::json!(["60"])
        ]
    );
    let f = config::set_param(&p, "epoch_secs", 60);
    assert_eq!(
        rest_arguments(&p, &f).unwrap()[0],
        serde_json::json!("epoch_secs")
    );
}

#[test]
fn decoding_names_what_does_not_fit() {
    let p = Package::DEV;
    let mut f = escrow::confirm(&p, AccountAddress::ONE, 3);
    f.args[1].push(0);
    let e = Call::decode(&p, &f).unwrap_err();
    assert!(
        matches!(
            &e,
            CallError::Argument {
                param: "frames_accepted",
                move_type: "u64",
                ..
            }
        ),
        "{e}"
    );
    f.args.pop();
    assert!(matches!(
        Call::decode(&p, &f),
        Err(CallError::Arity {
            expected: 2,
            got: 1,
            ..
        })
    ));
    let other = escrow::confirm(&Package::new(AccountAddress::ONE), AccountAddress::ONE, 3);
    assert!(matches!(
        Call::decode(&p, &other),
        Err(CallError::Unknown(_))
    ));
    let mut f = escrow::confirm(&p, AccountAddress::ONE, 3);
    f.function = "steal".into();
    assert_eq!(
        Call::decode(&p, &f).unwrap_err().to_string(),
        "0xcafe::escrow::steal is not an entry function of the package"
    );
    let e = Call::from_rest("vip", "claim", &[serde_json::json!(300)]).unwrap_err();
    assert!(e.to_string().contains("`role`"), "{e}");
}

#[test]
fn every_entry_function_round_trips() {
    let p = Package::DEV;
    for info in ENTRY_FUNCTIONS {
        let args: Vec<Value> = info
            .move_types
            .iter()
            .map(|t| match *t {
                "u64" => serde_json::json!("5"),
                "u8" => serde_json::json!(1),
                "bool" => serde_json::json!(true),
                "String" => serde_json::json!("epoch_secs"),
                "vector<u8>" => serde_json::json!("0x0102"),
                "vector<u64>" => serde_json::json!(["1", "2"]),
                "vector<address>" => serde_json::json!([AccountAddress::ONE.to_hex()]),
                "address" => serde_json::json!(AccountAddress::ONE.to_hex()),
                object if object.starts_with("Object<") => {
                    serde_json::json!({ "inner": AccountAddress::ONE.to_hex() })
                }
                other => panic!("{}::{}: unexpected type {other}", info.module, info.name),
            })
            .collect();
        let call = Call::from_rest(info.module, info.name, &args).unwrap();
        assert_eq!((call.module(), call.name()), (info.module, info.name));
        assert_eq!(
            call.rest_arguments(),
            args,
            "{}::{}",
            info.module,
            info.name
        );
        let f = call.entry_function(&p);
        assert_eq!(Call::decode(&p, &f).unwrap(), call);
        assert_eq!(call.function_id(&p), p.member(info.module, info.name));
    }
}

#[test]
fn table_matches_builders() {
    assert_eq!(ENTRY_FUNCTIONS.len(), 57);
    let attest = ENTRY_FUNCTIONS
        .iter()
        .find(|f| f.module == "attestation" && f.name == "attest")
        .unwrap();
    assert_eq!(attest.params.len(), 10);
    assert_eq!(attest.params[8], "device_public_key");
}
