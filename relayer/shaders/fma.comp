#version 450
// FP32 FMA throughput: eight independent vec4 chains per invocation, so the
// loop is bound by FMA issue rate rather than by the latency of one chain.
layout(local_size_x = 256) in;

layout(push_constant) uniform Params {
    uint iters;
    float seed;
} params;

layout(set = 0, binding = 0) writeonly buffer Out { float v[]; } results;

void main() {
    uint id = gl_GlobalInvocationID.x;
    vec4 base = vec4(float(id & 1023u) * 1e-6 + params.seed);
    vec4 a0 = base, a1 = base + 0.1, a2 = base + 0.2, a3 = base + 0.3;
    vec4 a4 = base + 0.4, a5 = base + 0.5, a6 = base + 0.6, a7 = base + 0.7;
    // Runtime values keep the compiler from folding the chains.
    vec4 m = vec4(0.999999 + params.seed * 1e-9);
    vec4 k = vec4(1e-7 * params.seed);
    for (uint i = 0u; i < params.iters; i++) {
        a0 = fma(a0, m, k); a1 = fma(a1, m, k); a2 = fma(a2, m, k); a3 = fma(a3, m, k);
        a4 = fma(a4, m, k); a5 = fma(a5, m, k); a6 = fma(a6, m, k); a7 = fma(a7, m, k);
        a0 = fma(a0, m, k); a1 = fma(a1, m, k); a2 = fma(a2, m, k); a3 = fma(a3, m, k);
        a4 = fma(a4, m, k); a5 = fma(a5, m, k); a6 = fma(a6, m, k); a7 = fma(a7, m, k);
    }
    vec4 s = a0 + a1 + a2 + a3 + a4 + a5 + a6 + a7;
    results.v[id] = s.x + s.y + s.z + s.w;
}
