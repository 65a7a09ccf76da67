#!/usr/bin/env bash
# Publishes the Move package with the Aptos CLI and initialises `config`.
#
#   scripts/deploy.sh [--print] PROFILE [PACKAGE_ADDRESS] [--multisig ADDR] [--immutable]
#       [--payment-asset ADDR] [--treasury ADDR] [--arbiter ADDR] [--attester ADDR]...
#       [--campaign-operator ADDR] [--campaign-start SECS --campaign-end SECS]
#       [--campaign-fund AMOUNT | --campaign-fund-units UNITS [--decimals D]]
#
# PROFILE is an Aptos CLI profile (`aptos init --profile PROFILE --network
# localnet|devnet|testnet`). PACKAGE_ADDRESS defaults to the profile's account,
# which publishes the package and becomes its admin. With --multisig ADDR the
# package lives at the on-chain multisig account ADDR (aptos multisig create):
# the profile, one of its owners, proposes the publication and every set-up
# call as multisig transactions, in order, and the other owners approve them;
# the multisig account is then the package's upgrade authority and its admin,
# so nothing changes without its owners. --immutable publishes with
# upgrade_policy "immutable" (no upgrade ever). The payment asset defaults
# to APT's fungible-asset metadata (0xa); treasury and arbiter default to the
# package account; each --attester is authorised with config::add_attester.
# Amount defaults (VIP threshold, floor prices, campaign credit value and tiers) are set on
# chain from the payment asset's decimals. The testnet campaign is configured
# when asked: its operator, its period [start, end) in chain seconds, and its
# pool funded from the profile's account with AMOUNT base units, or UNITS whole
# units converted with the asset's decimals (read from chain, or --decimals D).
# --print shows the aptos commands instead of running them (PACKAGE_ADDRESS,
# and --decimals with --campaign-fund-units, are then required).
# Prints the package address as its last line on success.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() { sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
print=0
if [[ ${1:-} == --print ]]; then print=1; shift; fi
[[ $# -ge 1 ]] || usage
profile=$1; shift
address=""
if [[ $# -ge 1 && $1 != --* ]]; then address=$1; shift; fi
payment_asset="0xa"; treasury=""; arbiter=""; attesters=()
campaign_operator=""; campaign_start=""; campaign_end=""; campaign_fund=""; campaign_units=""
decimals=""; multisig=""; immutable=0
while [[ $# -gt 0 ]]; do
  if [[ $1 == --immutable ]]; then immutable=1; shift; continue; fi
  [[ $1 == --* && $# -ge 2 ]] || { echo "deploy: '$1' needs a value" >&2; usage; }
  case $1 in
    --multisig) multisig=$2; shift 2 ;;
    --campaign-fund-units) campaign_units=$2; shift 2 ;;
    --decimals) decimals=$2; shift 2 ;;
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
if [[ -n $campaign_units ]]; then
  [[ -z $campaign_fund ]] || { echo "deploy: give --campaign-fund or --campaign-fund-units, not both" >&2; exit 2; }
  [[ $campaign_units =~ ^[1-9][0-9]*$ ]] ||
    { echo "deploy: --campaign-fund-units takes a positive whole number, got '$campaign_units'" >&2; exit 2; }
fi
if [[ -n $decimals && ! ( $decimals =~ ^[0-9]+$ && $decimals -le 18 ) ]]; then
  echo "deploy: --decimals takes 0 to 18, got '$decimals'" >&2; exit 2
fi
if [[ -n $multisig ]]; then
  [[ -z $address || $address == "$multisig" ]] ||
    { echo "deploy: with --multisig the package address is the multisig account $multisig" >&2; exit 2; }
  address=$multisig
fi

# Runs an aptos command, or shows it with --print.
aptos_do() {
  if ((print)); then printf 'aptos'; printf ' %q' "$@"; printf '\n'; else aptos "$@"; fi
}

if ((print)); then
  [[ -n $address ]] || { echo "deploy: --print needs PACKAGE_ADDRESS" >&2; exit 2; }
  [[ -z $campaign_units || -n $decimals ]] ||
    { echo "deploy: --print with --campaign-fund-units needs --decimals" >&2; exit 2; }
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

if [[ -n $campaign_units ]]; then
  if [[ -z $decimals ]]; then
    decimals=$(aptos move view --profile "$profile" --function-id 0x1::fungible_asset::decimals \
      --type-args 0x1::fungible_asset::Metadata --args "address:$payment_asset" |
      tr -d ' \n' | sed -n 's/.*"Result":\[\([0-9]*\)\].*/\1/p')
    [[ -n $decimals ]] || { echo "deploy: cannot read the decimals of $payment_asset; pass --decimals" >&2; exit 1; }
  fi
  campaign_fund=$(python3 -c "print($campaign_units * 10 ** $decimals)")
fi

# The package: move/ itself, or a copy whose upgrade policy is "immutable".
package_dir=move
if ((immutable)); then
  package_dir=$(mktemp -d)
  trap 'rm -rf "$package_dir"' EXIT
  cp -r move/. "$package_dir"
  sed -i 's/^upgrade_policy = .*/upgrade_policy = "immutable"/' "$package_dir/Move.toml"
fi

# A set-up call: signed by the profile, or proposed to the multisig account.
call() {
  if [[ -n $multisig ]]; then
    aptos_do multisig create-transaction --profile "$profile" --assume-yes \
      --multisig-address "$multisig" --function-id "$@"
  else
    aptos_do move run --profile "$profile" --assume-yes --function-id "$@"
  fi
}

if [[ -n $multisig ]]; then
  echo "deploy: proposing the publication of $package_dir as lumen=$address to multisig $multisig"
  # The owners execute the publication with this payload: it is kept.
  payload=${TMPDIR:-/tmp}/lumen-publish-$address.json
  aptos_do move build-publish-payload --package-dir "$package_dir" --named-addresses "lumen=$address" \
    --json-output-file "$payload" --assume-yes
  aptos_do multisig create-transaction --profile "$profile" --assume-yes \
    --multisig-address "$multisig" --json-file "$payload" --store-hash-only
else
  echo "deploy: publishing $package_dir as lumen=$address with profile $profile"
  aptos_do move publish --package-dir "$package_dir" --named-addresses "lumen=$address" \
    --profile "$profile" --assume-yes
fi

echo "deploy: initialising config (payment asset $payment_asset, treasury $treasury, arbiter $arbiter)"
call "$address::config::initialize" \
  --args "address:$payment_asset" "address:$treasury" "address:$arbiter"

for a in "${attesters[@]}"; do
  echo "deploy: authorising attester $a"
  call "$address::config::add_attester" --args "address:$a"
done

if [[ -n $campaign_operator ]]; then
  echo "deploy: campaign operator $campaign_operator"
  call "$address::campaign::set_operator" --args "address:$campaign_operator"
fi
if [[ -n $campaign_start ]]; then
  echo "deploy: campaign period [$campaign_start, $campaign_end)"
  call "$address::campaign::set_period" --args "u64:$campaign_start" "u64:$campaign_end"
fi
fund=(move run --profile "$profile" --assume-yes --function-id "$address::campaign::fund" --args "u64:$campaign_fund")
if [[ -n $campaign_fund && -z $multisig ]]; then
  echo "deploy: funding the campaign pool with $campaign_fund base units"
  aptos_do "${fund[@]}"
fi

if [[ -n $multisig ]]; then
  echo "deploy: the owners of $multisig now approve each proposal in order"
  echo "deploy:   aptos multisig approve --multisig-address $multisig --sequence-number N --profile OWNER"
  echo "deploy: and execute it: the publication with"
  echo "deploy:   aptos multisig execute-with-payload --multisig-address $multisig --json-file $payload --profile OWNER"
  echo "deploy: then each set-up call with"
  echo "deploy:   aptos multisig execute --multisig-address $multisig --profile OWNER"
  if [[ -n $campaign_fund ]]; then
    echo "deploy: once they ran, anyone funds the campaign pool with $campaign_fund base units:"
    echo "deploy:   aptos ${fund[*]}"
  fi
fi

echo "deploy: package address $address"
echo "$address"
