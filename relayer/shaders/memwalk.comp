#version 450
// Memory-hard part of a timed challenge, in two phases over one buffer of the
// claimed memory size. Phase 0 fills word i with `fill_rounds` quarter rounds
// from a state derived from the challenge's memory seed and i (costly to
// recompute, so a device without the memory pays that cost on every read).
// Phase 1 runs `walkers` independent walks of `steps` dependent random reads:
// each read's address comes from the walker's state, each value feeds the
// next state. src/work.rs computes the same on the CPU for sampled walkers.
layout(local_size_x = 256) in;

layout(push_constant) uniform Params {
    uvec4 seed_lo;
    uvec4 seed_hi;
    uint words;
    uint fill_rounds;
    uint walkers;
    uint steps;
    uint phase;
} params;

layout(set = 0, binding = 0) buffer Mem { uint v[]; } mem;
layout(set = 0, binding = 1) writeonly buffer Out { uint v[]; } results;

uint rotl(uint x, uint n) { return (x << n) | (x >> (32u - n)); }

uvec4 quarter(uvec4 s, uint k) {
    s.x += s.y; s.w ^= s.x; s.w = rotl(s.w, 16u);
    s.z += s.w; s.y ^= s.z; s.y = rotl(s.y, 12u);
    s.x += s.y; s.w ^= s.x; s.w = rotl(s.w, 8u);
    s.z += s.w; s.y ^= s.z; s.y = rotl(s.y, 7u);
    s.x ^= k;
    return s;
}

void main() {
    uint stride = gl_NumWorkGroups.x * gl_WorkGroupSize.x;
    if (params.phase == 0u) {
        for (uint i = gl_GlobalInvocationID.x; i < params.words; i += stride) {
            uvec4 s = params.seed_lo ^ uvec4(i, i * 0x9E3779B9u, ~i, i ^ 0x6D656D30u);
            for (uint r = 0u; r < params.fill_rounds; r++) {
                s = quarter(s, params.seed_hi[r & 3u]);
            }
            mem.v[i] = s.x ^ s.y ^ s.z ^ s.w;
        }
        return;
    }
    uint w = gl_GlobalInvocationID.x;
    if (w >= params.walkers) { return; }
    uvec4 s = params.seed_hi ^ uvec4(w, w * 0x85EBCA6Bu, ~w, w ^ 0x77616C6Bu);
    for (uint t = 0u; t < params.steps; t++) {
        uint v = mem.v[(s.x ^ s.z) % params.words];
        s.y ^= v;
        s = quarter(s, params.seed_lo[t & 3u]);
    }
    results.v[w] = s.x ^ s.y ^ s.z ^ s.w;
}
