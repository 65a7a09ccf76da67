use anyhow::Result;
use clap::{Parser, Subcommand};

/// Lumen relayer: GPU benchmark, attestation and the attester service.
#[derive(Parser, Debug)]
#[command(name = "lumen-relayer", version)]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand, Debug)]
enum Cmd {
    /// List the Vulkan devices the benchmark can run on.
    Devices,
}

fn main() -> Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    match Cli::parse().command {
        Cmd::Devices => {
            for d in lumen_relayer::vulkan::devices()? {
                println!("{}\t{}", d.device_type, d.name);
            }
        }
    }
    Ok(())
}
