#!/usr/bin/env bash
# Publishes the Move package with the Aptos CLI and initialises `config`.
#
#   scripts/deploy.sh PROFILE [PACKAGE_ADDRESS] [--payment-asset ADDR] [--treasury ADDR] [--arbiter ADDR] [--attester ADDR]...
#
# PROFILE is an Aptos CLI profile (`aptos init --profile PROFILE --network
# localnet|devnet|testnet`). PACKAGE_ADDRESS defaults to the profile's account,
# which publishes the package and becomes its admin. The payment asset defaults
# to APT's fungible-asset metadata (0xa); treasury and arbiter default to the
# package account; each --attester is authorised with config::add_attester.
# Prints the package address as its last line on success.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() { sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
[[ $# -ge 1 ]] || usage
profile=$1; shift
address=""
if [[ $# -ge 1 && $1 != --* ]]; then address=$1; shift; fi
payment_asset="0xa"; treasury=""; arbiter=""; attesters=()
while [[ $# -gt 0 ]]; do
  [[ $1 == --* && $# -ge 2 ]] || { echo "deploy: '$1' needs a value" >&2; usage; }
  case $1 in
    --payment-asset) payment_asset=$2; shift 2 ;;
    --treasury) treasury=$2; shift 2 ;;
    --arbiter) arbiter=$2; shift 2 ;;
    --attester) attesters+=("$2"); shift 2 ;;
    *) echo "deploy: unknown argument '$1'" >&2; usage ;;
  esac
done

if ! command -v aptos >/dev/null 2>&1; then
  echo "deploy: the Aptos CLI (aptos) is not on PATH; install it first (https://aptos.dev/tools/aptos-cli)" >&2
  exit 1
fi
if [[ -z $address ]]; then
  address=$(aptos config show-profiles --profile "$profile" | sed -n 's/.*"account": "\([0-9a-fx]*\)".*/\1/p' | head -1)
  [[ -n $address ]] || { echo "deploy: profile '$profile' has no account; run 'aptos init --profile $profile'" >&2; exit 1; }
  [[ $address == 0x* ]] || address="0x$address"
fi
treasury=${treasury:-$address}
arbiter=${arbiter:-$address}

echo "deploy: publishing move/ as lumen=$address with profile $profile"
aptos move publish --package-dir move --named-addresses "lumen=$address" \
  --profile "$profile" --assume-yes

echo "deploy: initialising config (payment asset $payment_asset, treasury $treasury, arbiter $arbiter)"
aptos move run --profile "$profile" --assume-yes \
  --function-id "$address::config::initialize" \
  --args "address:$payment_asset" "address:$treasury" "address:$arbiter"

for a in "${attesters[@]}"; do
  echo "deploy: authorising attester $a"
  aptos move run --profile "$profile" --assume-yes \
    --function-id "$address::config::add_attester" --args "address:$a"
done

echo "deploy: package address $address"
echo "$address"
