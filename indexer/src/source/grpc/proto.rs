//! The part of Aptos' Transaction Stream protocol the indexer reads
//! (`aptos.indexer.v1.RawData/GetTransactions`), written against the
//! `aptos/indexer/v1/raw_data.proto` and `aptos/transaction/v1/transaction.proto`
//! definitions: same packages, messages, field numbers and types, so the
//! bytes are the service's. Fields the indexer does not read are left out;
//! protobuf skips them on the wire.

/// The method's path.
pub const GET_TRANSACTIONS: &str = "/aptos.indexer.v1.RawData/GetTransactions";

/// `aptos.indexer.v1.GetTransactionsRequest`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct GetTransactionsRequest {
    /// First version of the stream.
    #[prost(uint64, optional, tag = "1")]
    pub starting_version: Option<u64>,
    /// Transactions to send before ending the stream (none: endless).
    #[prost(uint64, optional, tag = "2")]
    pub transactions_count: Option<u64>,
    /// Transactions per response (the service's default: 1000).
    #[prost(uint64, optional, tag = "3")]
    pub batch_size: Option<u64>,
}

/// `aptos.indexer.v1.TransactionsResponse`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionsResponse {
    /// Consecutive transactions.
    #[prost(message, repeated, tag = "1")]
    pub transactions: Vec<Transaction>,
    /// The chain's id.
    #[prost(uint64, optional, tag = "2")]
    pub chain_id: Option<u64>,
}

/// `aptos.util.timestamp.Timestamp`.
#[derive(Clone, Copy, PartialEq, prost::Message)]
pub struct Timestamp {
    /// Seconds since the Unix epoch.
    #[prost(int64, tag = "1")]
    pub seconds: i64,
    /// Nanoseconds within the second.
    #[prost(int32, tag = "2")]
    pub nanos: i32,
}

/// `aptos.transaction.v1.Transaction`.
#[derive(Clone, PartialEq, prost::Message)]
pub struct Transaction {
    /// Commit time.
    #[prost(message, optional, tag = "1")]
    pub timestamp: Option<Timestamp>,
    /// Ledger version.
    #[prost(uint64, tag = "2")]
    pub version: u64,
    /// Hash and outcome.
    #[prost(message, optional, tag = "3")]
    pub info: Option<TransactionInfo>,
    /// Ledger epoch.
    #[prost(uint64, tag = "4")]
    pub epoch: u64,
    /// Block height.
    #[prost(uint64, tag = "5")]
    pub block_height: u64,
    /// `Transaction.TransactionType`.
    #[prost(enumeration = "TransactionType", tag = "6")]
    pub r#type: i32,
    /// The kind's own fields (the kinds with events Lumen can emit).
    #[prost(oneof = "TxnData", tags = "7, 8, 10")]
    pub txn_data: Option<TxnData>,
}

/// `aptos.transaction.v1.Transaction.TransactionType`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, prost::Enumeration)]
#[repr(i32)]
pub enum TransactionType {
    /// Not set.
    Unspecified = 0,
    /// The first transaction.
    Genesis = 1,
    /// A block's first transaction.
    BlockMetadata = 2,
    /// A state checkpoint.
    StateCheckpoint = 3,
    /// A user's transaction.
    User = 4,
    /// A validator transaction.
    Validator = 20,
    /// A block's last transaction.
    BlockEpilogue = 21,
}

impl TransactionType {
    /// The REST API's name of the kind.
    pub fn rest_name(self) -> &'static str {
        match self {
            Self::Unspecified => "",
            Self::Genesis => "genesis_transaction",
            Self::BlockMetadata => "block_metadata_transaction",
            Self::StateCheckpoint => "state_checkpoint_transaction",
            Self::User => "user_transaction",
            Self::Validator => "validator_transaction",
            Self::BlockEpilogue => "block_epilogue_transaction",
        }
    }

    /// The kind with the REST API's name `name`.
    pub fn from_rest_name(name: &str) -> Self {
        [
            Self::Genesis,
            Self::BlockMetadata,
            Self::StateCheckpoint,
            Self::User,
            Self::Validator,
            Self::BlockEpilogue,
        ]
        .into_iter()
        .find(|t| t.rest_name() == name)
        .unwrap_or(Self::Unspecified)
    }
}

/// `Transaction.txn_data`, the kinds whose events the indexer reads.
#[derive(Clone, PartialEq, prost::Oneof)]
pub enum TxnData {
    /// `BlockMetadataTransaction`.
    #[prost(message, tag = "7")]
    BlockMetadata(BlockMetadataTransaction),
    /// `GenesisTransaction`.
    #[prost(message, tag = "8")]
    Genesis(GenesisTransaction),
    /// `UserTransaction`.
    #[prost(message, tag = "10")]
    User(UserTransaction),
}

/// `aptos.transaction.v1.BlockMetadataTransaction` (its events).
#[derive(Clone, PartialEq, prost::Message)]
pub struct BlockMetadataTransaction {
    /// Emitted events.
    #[prost(message, repeated, tag = "3")]
    pub events: Vec<Event>,
}

/// `aptos.transaction.v1.GenesisTransaction` (its events).
#[derive(Clone, PartialEq, prost::Message)]
pub struct GenesisTransaction {
    /// Emitted events.
    #[prost(message, repeated, tag = "2")]
    pub events: Vec<Event>,
}

/// `aptos.transaction.v1.UserTransaction` (its events).
#[derive(Clone, PartialEq, prost::Message)]
pub struct UserTransaction {
    /// Emitted events.
    #[prost(message, repeated, tag = "2")]
    pub events: Vec<Event>,
}

/// `aptos.transaction.v1.TransactionInfo` (hash and outcome).
#[derive(Clone, PartialEq, prost::Message)]
pub struct TransactionInfo {
    /// The transaction's hash.
    #[prost(bytes = "vec", tag = "1")]
    pub hash: Vec<u8>,
    /// Whether it executed.
    #[prost(bool, tag = "6")]
    pub success: bool,
    /// The VM's status.
    #[prost(string, tag = "7")]
    pub vm_status: String,
}

/// `aptos.transaction.v1.Event` (type and data).
#[derive(Clone, PartialEq, prost::Message)]
pub struct Event {
    /// The event's fields as JSON (the REST API's `data`).
    #[prost(string, tag = "4")]
    pub data: String,
    /// The full Move type, e.g. `0xcafe::escrow::JobCreated`.
    #[prost(string, tag = "5")]
    pub type_str: String,
}
