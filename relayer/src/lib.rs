//! `lumen-relayer`: the Vulkan GPU benchmark, benchmark attestation and the
//! attester service.

pub mod vulkan;
