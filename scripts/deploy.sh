#!/usr/bin/env bash
# Publishes the Move package with the Aptos CLI and initialises `config`.
#
#   scripts/deploy.sh [--print] PROFILE [PACKAGE_ADDRESS] [--payment-asset ADDR] [--treasury ADDR]
#       [--arbiter ADDR] [--attester ADDR]... [--campaign-operator ADDR]
#       [--campaign-start SECS --campaign-end SECS] [--campaign-fund AMOUNT]
#
# PROFILE is an Aptos CLI profile (`aptos init --profile PROFILE --network
# localnet|devnet|testnet`). PACKAGE_ADDRESS defaults to the profile's account,
# which publishes the package and becomes its admin. The payment asset defaults
# to APT's fungible-asset metadata (0xa); treasury and arbiter default to the
# package account; each --attester is authorised with config::add_attester.
# The testnet campaign is configured when asked: its operator, its period
# [start, end) in chain seconds, and AMOUNT base units of the payment asset
# moved from the profile's account into its pool. --print shows the aptos
# commands instead of running them (PACKAGE_ADDRESS is then required).
# Prints the package address as its last line on success.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() { sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
print=0
if [[ ${1:-} == --print ]]; then print=1; shift; fi
[[ $# -ge 1 ]] || usage
profile=$1; shift
address=""
if [[ $# -ge 1 && $1 != --* ]]; then address=$1; shift; fi
payment_asset="0xa"; treasury=""; arbiter=""; attesters=()
campaign_operator=""; campaign_start=""; campaign_end=""; campaign_fund=""
while [[ $# -gt 0 ]]; do
  [[ $1 == --* && $# -ge 2 ]] || { echo "deploy: '$1' needs a value" >&2; usage; }
  case $1 in
    --payment-asset) payment_asset=$2; shift 2 ;;
    --treasury) treasury=$2; shift 2 ;;
    --arbiter) arbiter=$2; shift 2 ;;
    --attester) attesters+=("$2"); shift 2 ;;
    --campaign-operator) campaign_operator=$2; shift 2 ;;
    --campaign-start) campaign_start=$2; shift 2 ;;
    --campaign-end) campaign_end=$2; shift 2 ;;
    --campaign-fund) campaign_fund=$2; shift 2 ;;
    *) echo "deploy: unknown argument '$1'" >&2; usage ;;
  esac
done

if [[ -n $campaign_start || -n $campaign_end ]]; then
  [[ $campaign_start =~ ^[0-9]+$ && $campaign_end =~ ^[0-9]+$ ]] ||
    { echo "deploy: --campaign-start and --campaign-end go together, as whole seconds" >&2; exit 2; }
  ((campaign_start < campaign_end)) ||
    { echo "deploy: the campaign must start before it ends ($campaign_start >= $campaign_end)" >&2; exit 2; }
fi
if [[ -n $campaign_fund && ! $campaign_fund =~ ^[1-9][0-9]*$ ]]; then
  echo "deploy: --campaign-fund takes a positive whole number of base units, got '$campaign_fund'" >&2; exit 2
fi

# Runs an aptos command, or shows it with --print.
aptos_do() {
  if ((print)); then printf 'aptos'; printf ' %q' "$@"; printf '\n'; else aptos "$@"; fi
}

if ((print)); then
  [[ -n $address ]] || { echo "deploy: --print needs PACKAGE_ADDRESS" >&2; exit 2; }
elif ! command -v aptos >/dev/null 2>&1; then
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
aptos_do move publish --package-dir move --named-addresses "lumen=$address" \
  --profile "$profile" --assume-yes

echo "deploy: initialising config (payment asset $payment_asset, treasury $treasury, arbiter $arbiter)"
aptos_do move run --profile "$profile" --assume-yes \
  --function-id "$address::config::initialize" \
  --args "address:$payment_asset" "address:$treasury" "address:$arbiter"

for a in "${attesters[@]}"; do
  echo "deploy: authorising attester $a"
  aptos_do move run --profile "$profile" --assume-yes \
    --function-id "$address::config::add_attester" --args "address:$a"
done

if [[ -n $campaign_operator ]]; then
  echo "deploy: campaign operator $campaign_operator"
  aptos_do move run --profile "$profile" --assume-yes \
    --function-id "$address::campaign::set_operator" --args "address:$campaign_operator"
fi
if [[ -n $campaign_start ]]; then
  echo "deploy: campaign period [$campaign_start, $campaign_end)"
  aptos_do move run --profile "$profile" --assume-yes \
    --function-id "$address::campaign::set_period" --args "u64:$campaign_start" "u64:$campaign_end"
fi
if [[ -n $campaign_fund ]]; then
  echo "deploy: funding the campaign pool with $campaign_fund base units"
  aptos_do move run --profile "$profile" --assume-yes \
    --function-id "$address::campaign::fund" --args "u64:$campaign_fund"
fi

echo "deploy: package address $address"
echo "$address"
