//! The device fingerprint: what Vulkan says about the device, and the
//! `device_id` hashed from it.

use serde::{Deserialize, Serialize};
use sha3::{Digest, Sha3_256};
use vulkano::device::physical::{PhysicalDevice, PhysicalDeviceType};
use vulkano::memory::MemoryHeapFlags;

/// One memory heap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heap {
    /// Size in bytes.
    pub size: u64,
    /// Whether the heap is device-local (VRAM on a discrete GPU).
    pub device_local: bool,
}

/// The identifying properties of a Vulkan physical device.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// PCI vendor id (0x10de NVIDIA, 0x1002 AMD, 0x8086 Intel, 0x10005 Mesa).
    pub vendor_id: u32,
    /// Vendor-specific device id.
    pub pci_device_id: u32,
    /// Device name.
    pub name: String,
    /// Vulkan device type: `discrete_gpu`, `integrated_gpu`, `virtual_gpu`, `cpu`, `other`.
    pub device_type: String,
    /// The driver's kind (Vulkan `VkDriverId`), when reported.
    pub driver_id: Option<String>,
    /// The driver's name, when reported.
    pub driver_name: Option<String>,
    /// The driver's version string, when reported.
    pub driver_info: Option<String>,
    /// The vendor-encoded driver version.
    pub driver_version: u32,
    /// Vulkan API version of the device.
    pub api_version: String,
    /// `deviceUUID`, hex.
    pub device_uuid: Option<String>,
    /// `driverUUID`, hex.
    pub driver_uuid: Option<String>,
    /// Memory heaps.
    pub memory_heaps: Vec<Heap>,
}

/// Device type names as the fingerprint writes them.
pub fn type_name(device_type: PhysicalDeviceType) -> &'static str {
    match device_type {
        PhysicalDeviceType::DiscreteGpu => "discrete_gpu",
        PhysicalDeviceType::IntegratedGpu => "integrated_gpu",
        PhysicalDeviceType::VirtualGpu => "virtual_gpu",
        PhysicalDeviceType::Cpu => "cpu",
        _ => "other",
    }
}

impl Fingerprint {
    /// Reads the fingerprint of a physical device.
    pub fn of(device: &PhysicalDevice) -> Self {
        let properties = device.properties();
        let heaps = device
            .memory_properties()
            .memory_heaps
            .iter()
            .map(|heap| Heap {
                size: heap.size,
                device_local: heap.flags.intersects(MemoryHeapFlags::DEVICE_LOCAL),
            })
            .collect();
        Fingerprint {
            vendor_id: properties.vendor_id,
            pci_device_id: properties.device_id,
            name: properties.device_name.clone(),
            device_type: type_name(properties.device_type).to_string(),
            driver_id: properties.driver_id.map(|d| format!("{d:?}")),
            driver_name: properties.driver_name.clone(),
            driver_info: properties.driver_info.clone(),
            driver_version: properties.driver_version,
            api_version: properties.api_version.to_string(),
            device_uuid: properties.device_uuid.map(hex::encode),
            driver_uuid: properties.driver_uuid.map(hex::encode),
            memory_heaps: heaps,
        }
    }

    /// Whether the device is a GPU (discrete, integrated or virtual); CPU
    /// implementations such as lavapipe are never scored as GPUs.
    pub fn is_gpu(&self) -> bool {
        matches!(
            self.device_type.as_str(),
            "discrete_gpu" | "integrated_gpu" | "virtual_gpu"
        )
    }

    /// Device-local memory in MiB (all heaps when none is device-local).
    pub fn vram_mb(&self) -> u64 {
        let local: u64 = self
            .memory_heaps
            .iter()
            .filter(|h| h.device_local)
            .map(|h| h.size)
            .sum();
        let bytes = if local > 0 {
            local
        } else {
            self.memory_heaps.iter().map(|h| h.size).sum()
        };
        bytes / (1024 * 1024)
    }

    /// The 32-byte `device_id`: SHA3-256 over the hardware identity — vendor,
    /// device id, device UUID, driver kind and the memory heaps. The driver
    /// version and driver UUID are left out on purpose: they change with every
    /// driver update, which must not turn one card into a "new" device that
    /// could then be bound to a second worker.
    pub fn device_id(&self) -> [u8; 32] {
        let mut h = Sha3_256::new();
        h.update(b"lumen-device-v1");
        h.update(self.vendor_id.to_le_bytes());
        h.update(self.pci_device_id.to_le_bytes());
        let field = |h: &mut Sha3_256, s: Option<&str>| {
            let s = s.unwrap_or("");
            h.update((s.len() as u64).to_le_bytes());
            h.update(s.as_bytes());
        };
        field(&mut h, self.device_uuid.as_deref());
        field(&mut h, self.driver_id.as_deref());
        field(&mut h, Some(&self.name));
        h.update((self.memory_heaps.len() as u64).to_le_bytes());
        for heap in &self.memory_heaps {
            h.update(heap.size.to_le_bytes());
            h.update([heap.device_local as u8]);
        }
        h.finalize().into()
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An RTX 3070's fingerprint.
    pub(crate) fn sample() -> Fingerprint {
        Fingerprint {
            vendor_id: 0x10de,
            pci_device_id: 0x2484,
            name: "NVIDIA GeForce RTX 3070".into(),
            device_type: "discrete_gpu".into(),
            driver_id: Some("NvidiaProprietary".into()),
            driver_name: Some("NVIDIA".into()),
            driver_info: Some("550.54".into()),
            driver_version: 1,
            api_version: "1.3.277".into(),
            device_uuid: Some("00".repeat(16)),
            driver_uuid: Some("11".repeat(16)),
            memory_heaps: vec![
                Heap {
                    size: 8 << 30,
                    device_local: true,
                },
                Heap {
                    size: 16 << 30,
                    device_local: false,
                },
            ],
        }
    }

    #[test]
    fn device_id_ignores_driver_updates_but_not_hardware() {
        let a = sample();
        let mut b = sample();
        b.driver_info = Some("560.1".into());
        b.driver_version = 2;
        b.driver_uuid = Some("22".repeat(16));
        assert_eq!(a.device_id(), b.device_id());
        b.device_uuid = Some("01".repeat(16));
        assert_ne!(a.device_id(), b.device_id());
        let mut c = sample();
        c.memory_heaps[0].size = 12 << 30;
        assert_ne!(a.device_id(), c.device_id());
        assert_eq!(a.vram_mb(), 8192);
        assert!(a.is_gpu());
        c.device_type = "cpu".into();
        assert!(!c.is_gpu());
    }
}
