use anyhow::Result;
use clap::Parser;

/// Command-line tool for Lumen creators and workers.
#[derive(Parser, Debug)]
#[command(name = "lumen", version)]
struct Cli {}

fn main() -> Result<()> {
    let _cli = Cli::parse();
    Ok(())
}
