#version 450
// Integer hash chain seeded by the attester's challenge. Every work item runs
// `rounds` ChaCha-style quarter rounds from a state derived from the seed and
// its index, and writes its final word; the host folds the words into a
// Merkle root. The same function is implemented on the CPU (src/bench/hashchain.rs)
// so a verifier can recompute any sampled item exactly.
layout(local_size_x = 256) in;

layout(push_constant) uniform Params {
    uvec4 seed_lo;
    uvec4 seed_hi;
    uint rounds;
    uint count;
} params;

layout(set = 0, binding = 0) writeonly buffer Out { uint v[]; } results;

uint rotl(uint x, uint n) { return (x << n) | (x >> (32u - n)); }

void main() {
    uint id = gl_GlobalInvocationID.x;
    if (id >= params.count) { return; }
    uvec4 s = params.seed_lo ^ uvec4(id, id * 0x9E3779B9u, ~id, id ^ 0x85EBCA6Bu);
    for (uint r = 0u; r < params.rounds; r++) {
        s.x += s.y; s.w ^= s.x; s.w = rotl(s.w, 16u);
        s.z += s.w; s.y ^= s.z; s.y = rotl(s.y, 12u);
        s.x += s.y; s.w ^= s.x; s.w = rotl(s.w, 8u);
        s.z += s.w; s.y ^= s.z; s.y = rotl(s.y, 7u);
        s.x ^= params.seed_hi[r & 3u];
    }
    results.v[id] = s.x ^ s.y ^ s.z ^ s.w;
}
