//! The address the Move package `Lumen` is published at.

use std::fmt;
use std::str::FromStr;

use aptos_sdk::types::AccountAddress;

/// Where the Move package `Lumen` lives. Every function id, event type and
/// signed-message type name is derived from it, so one value configures the
/// whole crate for devnet, testnet or a local test (`0xcafe`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Package {
    /// The package's account address (the named address `lumen`).
    pub address: AccountAddress,
}

/// Error for a package address that is not hex.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid package address {input:?}: {reason}")]
pub struct PackageAddressError {
    /// The text that was given.
    pub input: String,
    /// Why it was rejected.
    pub reason: String,
}

impl Package {
    /// The Move dev address of the package (`[dev-addresses] lumen = "0xcafe"`),
    /// used by the Move unit tests and the golden vectors.
    pub const DEV: Package = Package {
        address: AccountAddress::new(dev_bytes()),
    };

    /// A package at `address`.
    pub const fn new(address: AccountAddress) -> Self {
        Self { address }
    }

    /// `0x<address>::<module>::<name>`, long form, as the REST API prints
    /// function ids.
    pub fn member(&self, module: &str, name: &str) -> String {
        format!("{}::{module}::{name}", self.address.to_hex())
    }

    /// The Move module id `<address>::<module>` as aptos-sdk wants it.
    pub fn module_id(&self, module: &str) -> aptos_sdk::types::MoveModuleId {
        aptos_sdk::types::MoveModuleId::new(
            self.address,
            aptos_sdk::types::Identifier::new(module)
                .expect("the crate only passes Move identifiers"),
        )
    }

    /// The object address `object::create_named_object` gives `source` for
    /// `seed`: `sha3_256(source ‖ seed ‖ 0xFE)`.
    pub fn object_address(source: AccountAddress, seed: &[u8]) -> AccountAddress {
        use sha3::{Digest, Sha3_256};
        let mut h = Sha3_256::new();
        h.update(source.as_bytes());
        h.update(seed);
        h.update([0xFE]);
        AccountAddress::new(h.finalize().into())
    }

    /// The escrow registry object (named object of the package, seed
    /// `b"escrow"`).
    pub fn escrow_registry(&self) -> AccountAddress {
        Self::object_address(self.address, b"escrow")
    }

    /// Job `job_id`'s object address: seed `b"lumen::job" ‖ bcs(job_id)`
    /// under the escrow registry (the `escrow::job_address` view).
    pub fn job_address(&self, job_id: u64) -> AccountAddress {
        let mut seed = b"lumen::job".to_vec();
        seed.extend_from_slice(&job_id.to_le_bytes());
        Self::object_address(self.escrow_registry(), &seed)
    }

    /// Splits `<address>::<module>::<name>` and returns `(module, name)` when
    /// the address (short or long hex) is this package's.
    pub fn strip<'a>(&self, type_str: &'a str) -> Option<(&'a str, &'a str)> {
        let mut parts = type_str.splitn(3, "::");
        let addr = parts.next()?;
        let module = parts.next()?;
        let name = parts.next()?;
        if name.contains("::") || name.contains('<') {
            return None;
        }
        (hex_address(addr)? == self.address.to_bytes()).then_some((module, name))
    }
}

/// The 32 bytes of a `0x`-prefixed short or long hex address, without the
/// allocations of `AccountAddress::from_hex` (the indexer asks this for
/// every event of every transaction it reads).
pub(crate) fn hex_address(s: &str) -> Option<[u8; 32]> {
    let digits = s
        .strip_prefix("0x")
        .or_else(|| s.strip_prefix("0X"))?
        .as_bytes();
    if digits.is_empty() || digits.len() > 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, &c) in digits.iter().rev().enumerate() {
        let nibble = (c as char).to_digit(16)? as u8;
        out[31 - i / 2] |= if i % 2 == 0 { nibble } else { nibble << 4 };
    }
    Some(out)
}

impl FromStr for Package {
    type Err = PackageAddressError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let t = s.trim();
        if !(t.starts_with("0x") || t.starts_with("0X")) {
            return Err(PackageAddressError {
                input: s.to_string(),
                reason: "expected 0x-prefixed hex".into(),
            });
        }
        AccountAddress::from_hex(t)
            .map(Package::new)
            .map_err(|e| PackageAddressError {
                input: s.to_string(),
                reason: e.to_string(),
            })
    }
}

impl fmt::Display for Package {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.address.to_hex())
    }
}

const fn dev_bytes() -> [u8; 32] {
    let mut b = [0u8; 32];
    b[30] = 0xca;
    b[31] = 0xfe;
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strip_accepts_short_and_long_forms() {
        let p = Package::DEV;
        assert_eq!(
            p.strip("0xcafe::escrow::JobCreated"),
            Some(("escrow", "JobCreated"))
        );
        let long = format!("0x{:0>64}::vip::VipMinted", "cafe");
        assert_eq!(p.strip(&long), Some(("vip", "VipMinted")));
        assert_eq!(p.strip("0x1::coin::Deposit"), None);
        assert_eq!(p.strip("0xcafe::escrow"), None);
        assert_eq!(p.strip("0xcafe::m::S<0x1::a::B>"), None);
    }

    #[test]
    fn hex_addresses_read_like_the_sdk_reads_them() {
        for s in [
            "0x0",
            "0x1",
            "0xcafe",
            "0xCaFe",
            "0X00cafe",
            "0xabc",
            &format!("0x{:0>64}", "cafe"),
            &format!("0x{}", "f".repeat(64)),
            &format!("0x{}", "0123456789abcdef".repeat(4)),
        ] {
            let want = AccountAddress::from_hex(s.to_lowercase().replacen("0x", "", 1))
                .map(|a| a.to_bytes())
                .ok();
            assert_eq!(hex_address(s), want, "{s}");
        }
        for bad in [
            "",
            "0x",
            "cafe",
            "0xcafg",
            "0x-1",
            &format!("0x{}", "1".repeat(65)),
        ] {
            assert_eq!(hex_address(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn parse_package() {
        let p: Package = "0xcafe".parse().unwrap();
        assert_eq!(p, Package::DEV);
        assert_eq!(
            p.member("escrow", "create_job"),
            format!("0x{:0>64}::escrow::create_job", "cafe")
        );
        assert!("cafe".parse::<Package>().is_err());
        assert!("0xzz".parse::<Package>().is_err());
    }
}
