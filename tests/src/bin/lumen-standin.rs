//! A local fullnode stand-in for the demo: serves a scenario's transactions
//! under `GET /v1/transactions` and accepts signed transactions on
//! `POST /v1/transactions`, executing them on the model of the contract
//! (`lumen_model::node::Node`) after replaying the served ledger into it, so
//! the relayer's attester service can submit to it (and a worker agent its
//! jobs) and the indexer can read everything back over REST.

use std::io::BufRead;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::Parser;
use lumen_model::node::Node;
use lumen_model::Chain;
use lumen_sdk::standin::Standin;
use lumen_sdk::{AccountAddress, Package};

/// A fullnode REST stand-in on 127.0.0.1 (free port, printed on stdout).
#[derive(Parser, Debug)]
#[command(name = "lumen-standin", version)]
struct Cli {
    /// Chain id served.
    #[arg(long, default_value_t = 4)]
    chain_id: u8,
    /// The package address.
    #[arg(long, env = "LUMEN_PACKAGE", default_value = "0xcafe")]
    package: Package,
    /// JSON-lines file of REST transactions to serve (e.g. from `lumen-scenario`);
    /// every transaction of the package is replayed on the model and must give
    /// the events it carries.
    #[arg(long)]
    transactions: Option<PathBuf>,
    /// Without a ledger that initialises the package: initialise it (admin =
    /// the package account) and authorise these attesters (comma-separated).
    #[arg(long, value_delimiter = ',')]
    attesters: Vec<String>,
    /// `ADDRESS=AMOUNT`: mints the payment asset to an account, as a testnet
    /// faucet would (repeatable; e.g. the demo's render worker, for its stake).
    #[arg(long)]
    fund: Vec<String>,
}

#[tokio::main]
async fn main() -> Result<()> {
    lumen_e2e::init_logging();
    let cli = Cli::parse();
    let attesters = cli
        .attesters
        .iter()
        .map(|a| {
            AccountAddress::from_hex(a)
                .map_err(|e| anyhow::anyhow!("--attesters: {a:?} is not an address: {e}"))
        })
        .collect::<Result<Vec<_>>>()?;
    let standin = Standin::start(cli.chain_id).await?;
    let node = Node::new(Chain::open(cli.package, cli.chain_id));
    if let Some(path) = &cli.transactions {
        let file =
            std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut txns = vec![];
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let txn: serde_json::Value = serde_json::from_str(&line)
                .with_context(|| format!("{}:{}: not JSON", path.display(), i + 1))?;
            txns.push(txn);
        }
        node.replay(&txns)
            .with_context(|| format!("{} does not replay on the model", path.display()))?;
        let n = standin.push_transactions(txns).len();
        tracing::info!(transactions = n, file = %path.display(), "ledger loaded and replayed");
    }
    if node.chain().config.is_none() {
        node.initialize(&attesters)
            .context("initialising the package on the stand-in")?;
    }
    for f in &cli.fund {
        let (a, amount) = f
            .split_once('=')
            .with_context(|| format!("--fund {f:?}: expected ADDRESS=AMOUNT"))?;
        let a = AccountAddress::from_hex(a)
            .map_err(|e| anyhow::anyhow!("--fund: {a:?} is not an address: {e}"))?;
        let amount: u64 = amount
            .parse()
            .with_context(|| format!("--fund {f:?}: the amount is not a u64"))?;
        let mut chain = node.chain();
        chain.create_account(a);
        chain.mint(a, amount);
    }
    node.install(&standin);
    // Scripts read the URL from this line.
    println!("{}", standin.url());
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term.recv() => {}
    }
    Ok(())
}
