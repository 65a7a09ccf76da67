#version 450
// Memory bandwidth: a STREAM-style copy of 16-byte elements over buffers
// several times larger than the last-level cache, with a grid-stride loop so
// the dispatch size stays within every device's work-group count limit.
layout(local_size_x = 256) in;

layout(push_constant) uniform Params {
    uint count;
} params;

layout(set = 0, binding = 0) readonly buffer Src { uvec4 v[]; } src;
layout(set = 0, binding = 1) writeonly buffer Dst { uvec4 v[]; } dst;

void main() {
    uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
    for (uint i = gl_GlobalInvocationID.x; i < params.count; i += stride) {
        dst.v[i] = src.v[i];
    }
}
