//! Vulkan instance and device discovery.

use std::sync::Arc;

use vulkano::instance::{Instance, InstanceCreateFlags, InstanceCreateInfo};
use vulkano::VulkanLibrary;

/// Why no Vulkan device could be used.
#[derive(Debug, thiserror::Error)]
pub enum VulkanError {
    /// The Vulkan loader library is missing.
    #[error(
        "no Vulkan loader found ({0}); install it with scripts/setup.sh \
         (Debian packages libvulkan1 and mesa-vulkan-drivers for the CPU driver lavapipe)"
    )]
    NoLoader(String),
    /// The loader found no driver (ICD) at all.
    #[error(
        "the Vulkan loader found no driver: install your GPU's Vulkan driver, or \
         mesa-vulkan-drivers for the CPU driver lavapipe (scripts/setup.sh)"
    )]
    NoDriver,
    /// Creating the instance failed.
    #[error("creating the Vulkan instance failed: {0}")]
    Instance(String),
}

/// A physical device as the benchmark reports it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct DeviceSummary {
    /// The driver-reported device name.
    pub name: String,
    /// Vulkan's device type (`DiscreteGpu`, `Cpu`, ...).
    pub device_type: String,
}

/// Creates a Vulkan instance that also enumerates portability drivers.
pub fn instance() -> Result<Arc<Instance>, VulkanError> {
    let library = VulkanLibrary::new().map_err(|e| VulkanError::NoLoader(e.to_string()))?;
    Instance::new(
        library,
        InstanceCreateInfo {
            flags: InstanceCreateFlags::ENUMERATE_PORTABILITY,
            ..Default::default()
        },
    )
    .map_err(|e| match e {
        vulkano::Validated::Error(vulkano::VulkanError::IncompatibleDriver) => {
            VulkanError::NoDriver
        }
        vulkano::Validated::Error(e) => VulkanError::Instance(format!("{e} ({e:?})")),
        vulkano::Validated::ValidationError(v) => VulkanError::Instance(v.to_string()),
    })
}

/// Lists the physical devices of the instance.
pub fn devices() -> Result<Vec<DeviceSummary>, VulkanError> {
    let instance = instance()?;
    let devices = instance
        .enumerate_physical_devices()
        .map_err(|e| VulkanError::Instance(e.to_string()))?;
    Ok(devices
        .map(|device| {
            let properties = device.properties();
            DeviceSummary {
                name: properties.device_name.clone(),
                device_type: format!("{:?}", properties.device_type),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    #[test]
    fn lavapipe_or_a_gpu_is_visible() {
        let devices = super::devices()
            .expect("Vulkan must be available (scripts/setup.sh installs lavapipe)");
        assert!(!devices.is_empty(), "no Vulkan physical device");
    }
}
