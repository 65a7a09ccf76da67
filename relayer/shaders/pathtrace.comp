#version 450
// A small path tracer: one invocation per pixel, `spp` paths per pixel of up
// to four diffuse bounces through five spheres over a ground plane, lit by a
// sky. Reported as samples (paths) per minute.
layout(local_size_x = 8, local_size_y = 8) in;

layout(push_constant) uniform Params {
    uint width;
    uint height;
    uint spp;
    uint frame;
} params;

layout(set = 0, binding = 0) writeonly buffer Out { vec4 v[]; } image;

const int NSPHERES = 5;
const vec4 SPHERES[NSPHERES] = vec4[](
    vec4(0.0, 1.0, 0.0, 1.0),
    vec4(-2.2, 0.7, 0.6, 0.7),
    vec4(2.1, 0.8, -0.4, 0.8),
    vec4(-0.8, 0.35, 1.9, 0.35),
    vec4(1.0, 0.4, 2.0, 0.4)
);
const vec3 ALBEDO[NSPHERES] = vec3[](
    vec3(0.8, 0.3, 0.3), vec3(0.3, 0.8, 0.3), vec3(0.3, 0.3, 0.8),
    vec3(0.9, 0.9, 0.2), vec3(0.7, 0.7, 0.7)
);

uint pcg(inout uint state) {
    state = state * 747796405u + 2891336453u;
    uint w = ((state >> ((state >> 28u) + 4u)) ^ state) * 277803737u;
    return (w >> 22u) ^ w;
}

float rnd(inout uint state) { return float(pcg(state)) * (1.0 / 4294967296.0); }

// Returns the distance to the nearest hit (or -1) with its normal and albedo.
float trace(vec3 ro, vec3 rd, out vec3 n, out vec3 albedo) {
    float best = 1e30;
    n = vec3(0.0);
    albedo = vec3(0.0);
    for (int i = 0; i < NSPHERES; i++) {
        vec3 oc = ro - SPHERES[i].xyz;
        float b = dot(oc, rd);
        float c = dot(oc, oc) - SPHERES[i].w * SPHERES[i].w;
        float h = b * b - c;
        if (h > 0.0) {
            float t = -b - sqrt(h);
            if (t > 1e-3 && t < best) {
                best = t;
                n = (ro + rd * t - SPHERES[i].xyz) / SPHERES[i].w;
                albedo = ALBEDO[i];
            }
        }
    }
    if (rd.y < -1e-6) {
        float t = -ro.y / rd.y;
        if (t > 1e-3 && t < best) {
            best = t;
            n = vec3(0.0, 1.0, 0.0);
            vec3 p = ro + rd * t;
            float checker = mod(floor(p.x) + floor(p.z), 2.0);
            albedo = mix(vec3(0.4), vec3(0.75), checker);
        }
    }
    return best < 1e29 ? best : -1.0;
}

void main() {
    uvec2 px = gl_GlobalInvocationID.xy;
    if (px.x >= params.width || px.y >= params.height) { return; }
    uint state = (px.y * params.width + px.x) * 9781u + params.frame * 6271u + 1u;
    vec3 acc = vec3(0.0);
    vec3 cam = vec3(0.0, 1.6, 6.0);
    float aspect = float(params.width) / float(params.height);
    for (uint s = 0u; s < params.spp; s++) {
        vec2 uv = (vec2(px) + vec2(rnd(state), rnd(state))) / vec2(params.width, params.height);
        vec3 rd = normalize(vec3((uv.x * 2.0 - 1.0) * aspect, (1.0 - uv.y * 2.0) * 0.75 - 0.15, -1.5));
        vec3 ro = cam;
        vec3 through = vec3(1.0);
        for (int bounce = 0; bounce < 4; bounce++) {
            vec3 n;
            vec3 albedo;
            float t = trace(ro, rd, n, albedo);
            if (t < 0.0) {
                float sky = 0.5 + 0.5 * rd.y;
                acc += through * mix(vec3(1.0), vec3(0.5, 0.7, 1.0), sky);
                break;
            }
            ro = ro + rd * t + n * 1e-3;
            through *= albedo;
            // Cosine-weighted hemisphere sample around the normal.
            float r1 = 6.2831853 * rnd(state);
            float r2 = rnd(state);
            vec3 u = normalize(cross(abs(n.x) > 0.1 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0), n));
            vec3 v = cross(n, u);
            rd = normalize(u * cos(r1) * sqrt(r2) + v * sin(r1) * sqrt(r2) + n * sqrt(1.0 - r2));
        }
    }
    image.v[px.y * params.width + px.x] = vec4(acc / float(params.spp), 1.0);
}
