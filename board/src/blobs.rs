//! Content-addressed blob storage for scenes and frames, over the
//! `object_store` crate: a local directory by default, any S3-compatible
//! store by configuration.
//!
//! A blob lives at `blobs/<first two hex digits>/<sha3-256 hex>`. Writes are
//! checked against the hash they claim and are atomic (the local store
//! writes a temporary file and renames it; S3 puts are atomic), so a crash
//! never leaves half a blob under its name. Reads hash the bytes again and
//! refuse a blob whose bytes no longer match its name.

use std::path::Path as FsPath;
use std::sync::Arc;

use axum::body::Bytes;
use lumen_sdk::render::{content_hash, Hash32};
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path;
use object_store::prefix::PrefixStore;
use object_store::{ObjectStore, ObjectStoreExt, PutPayload};

/// A blob could not be stored or read.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    /// The bytes do not hash to the name they were sent under.
    #[error("the bytes hash to {actual}, not {expected}")]
    HashMismatch {
        /// The claimed hash.
        expected: Hash32,
        /// What the bytes hash to.
        actual: Hash32,
    },
    /// No blob has this hash.
    #[error("no blob {0}")]
    NotFound(Hash32),
    /// The stored bytes no longer hash to the blob's name.
    #[error("stored blob {expected} is corrupt: its bytes hash to {actual}")]
    Corrupt {
        /// The blob's name.
        expected: Hash32,
        /// What its bytes hash to now.
        actual: Hash32,
    },
    /// The store's own failure.
    #[error("blob store: {0}")]
    Store(#[from] object_store::Error),
    /// The store's configuration is unusable.
    #[error("blob store configuration {location:?}: {reason}")]
    Config {
        /// What was configured.
        location: String,
        /// Why it does not work.
        reason: String,
    },
}

/// The board's blob store.
#[derive(Clone, Debug)]
pub struct BlobStore {
    store: Arc<dyn ObjectStore>,
    location: String,
}

impl BlobStore {
    /// Opens the store named by `location`: `s3://bucket[/prefix]` (S3 or an
    /// S3-compatible service configured by the `AWS_*` environment variables:
    /// `AWS_ENDPOINT`, `AWS_REGION`, `AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`, `AWS_ALLOW_HTTP`…), or a local directory
    /// (`file:///path` or a plain path; created if missing).
    pub fn open(location: &str) -> Result<Self, BlobError> {
        let config = |reason: String| BlobError::Config {
            location: location.to_string(),
            reason,
        };
        if let Some(rest) = location.strip_prefix("s3://") {
            let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
            if bucket.is_empty() {
                return Err(config("no bucket named".into()));
            }
            let s3 = AmazonS3Builder::from_env()
                .with_bucket_name(bucket)
                .build()
                .map_err(|e| config(e.to_string()))?;
            let prefix = prefix.trim_matches('/');
            let store: Arc<dyn ObjectStore> = if prefix.is_empty() {
                Arc::new(s3)
            } else {
                Arc::new(PrefixStore::new(s3, prefix))
            };
            return Ok(Self {
                store,
                location: location.to_string(),
            });
        }
        if location.contains("://") && !location.starts_with("file://") {
            return Err(config(
                "expected s3://bucket/prefix, file:///path or a directory".into(),
            ));
        }
        Self::local(FsPath::new(location.trim_start_matches("file://")))
    }

    /// A store in the local directory `dir` (created if missing).
    pub fn local(dir: &FsPath) -> Result<Self, BlobError> {
        let config = |reason: String| BlobError::Config {
            location: dir.display().to_string(),
            reason,
        };
        std::fs::create_dir_all(dir).map_err(|e| config(e.to_string()))?;
        let fs = LocalFileSystem::new_with_prefix(dir).map_err(|e| config(e.to_string()))?;
        Ok(Self {
            store: Arc::new(fs),
            location: dir.display().to_string(),
        })
    }

    /// Where the store is, for logs.
    pub fn location(&self) -> &str {
        &self.location
    }

    /// The object path of a hash.
    pub fn path_of(hash: &Hash32) -> Path {
        let hex = hash.hex();
        Path::from(format!("blobs/{}/{hex}", &hex[..2]))
    }

    /// Stores `bytes` and returns their hash. When `expected` is given the
    /// bytes must hash to it. Storing a blob that exists is a no-op.
    pub async fn put(&self, bytes: Bytes, expected: Option<Hash32>) -> Result<Hash32, BlobError> {
        let data = bytes.clone();
        let actual = tokio::task::spawn_blocking(move || content_hash(&data))
            .await
            .expect("hashing does not panic");
        if let Some(expected) = expected {
            if expected != actual {
                return Err(BlobError::HashMismatch { expected, actual });
            }
        }
        let path = Self::path_of(&actual);
        // An existing blob with the same name has the same bytes (unless it
        // rotted, which the next read reports); rewriting it would only cost.
        if self.store.head(&path).await.is_ok() {
            return Ok(actual);
        }
        self.store.put(&path, PutPayload::from(bytes)).await?;
        Ok(actual)
    }

    /// The blob's bytes, checked against its hash.
    pub async fn get(&self, hash: &Hash32) -> Result<Bytes, BlobError> {
        let bytes = match self.store.get(&Self::path_of(hash)).await {
            Ok(r) => r.bytes().await?,
            Err(object_store::Error::NotFound { .. }) => return Err(BlobError::NotFound(*hash)),
            Err(e) => return Err(e.into()),
        };
        let data = bytes.clone();
        let actual = tokio::task::spawn_blocking(move || content_hash(&data))
            .await
            .expect("hashing does not panic");
        if actual != *hash {
            return Err(BlobError::Corrupt {
                expected: *hash,
                actual,
            });
        }
        Ok(bytes)
    }

    /// The blob's size, or `None` when it is absent.
    pub async fn size(&self, hash: &Hash32) -> Result<Option<u64>, BlobError> {
        match self.store.head(&Self::path_of(hash)).await {
            Ok(meta) => Ok(Some(meta.size)),
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(e) => Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn local_round_trip_and_corruption() {
        let dir = tempfile::tempdir().unwrap();
        let store = BlobStore::open(dir.path().to_str().unwrap()).unwrap();
        let bytes = Bytes::from_static(b"a scene");
        let h = store.put(bytes.clone(), None).await.unwrap();
        assert_eq!(h, content_hash(b"a scene"));
        assert_eq!(store.get(&h).await.unwrap(), bytes);
        assert_eq!(store.size(&h).await.unwrap(), Some(7));
        // Again: a no-op.
        store.put(bytes.clone(), Some(h)).await.unwrap();

        let wrong = content_hash(b"other");
        assert!(matches!(
            store.put(bytes.clone(), Some(wrong)).await,
            Err(BlobError::HashMismatch { .. })
        ));
        assert!(matches!(
            store.get(&wrong).await,
            Err(BlobError::NotFound(_))
        ));
        assert_eq!(store.size(&wrong).await.unwrap(), None);

        // Flip a byte on disk: the read refuses it.
        let hex = h.hex();
        let file = dir.path().join("blobs").join(&hex[..2]).join(&hex);
        let mut on_disk = std::fs::read(&file).unwrap();
        on_disk[0] ^= 1;
        std::fs::write(&file, on_disk).unwrap();
        match store.get(&h).await {
            Err(BlobError::Corrupt { expected, actual }) => {
                assert_eq!(expected, h);
                assert_ne!(actual, h);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn configuration_errors_name_the_problem() {
        let e = BlobStore::open("gs://bucket").unwrap_err().to_string();
        assert!(e.contains("expected s3://"), "{e}");
        let e = BlobStore::open("s3://").unwrap_err().to_string();
        assert!(e.contains("no bucket"), "{e}");
    }
}
