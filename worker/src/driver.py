# Runs inside Blender (blender -b -Y scene.blend --python driver.py -- ...).
# Sets the job's render settings from the command line, never from the scene,
# and renders the listed frames one by one, printing a line the worker agent
# reads before and after each frame. Arguments after "--":
#   out_dir frames(comma-separated) resolution_x resolution_y samples device(auto|cpu)
import os
import sys

import bpy

args = sys.argv[sys.argv.index("--") + 1:]
out_dir, frames_arg, res_x, res_y, samples, device = args
frames = [int(f) for f in frames_arg.split(",") if f]

scene = bpy.context.scene
scene.render.engine = "CYCLES"

use = "CPU"
if device != "cpu":
    try:
        prefs = bpy.context.preferences.addons["cycles"].preferences
        for kind in ("OPTIX", "CUDA", "HIP", "ONEAPI", "METAL"):
            try:
                prefs.compute_device_type = kind
            except TypeError:
                continue
            prefs.get_devices()
            gpus = [d for d in prefs.devices if d.type != "CPU"]
            if gpus:
                for d in prefs.devices:
                    d.use = d.type != "CPU"
                use = "GPU " + kind + " " + ", ".join(d.name for d in gpus)
                break
    except Exception as e:  # noqa: BLE001 - any failure means: render on the CPU
        print("LUMEN-NOTE no GPU backend: %s" % e, flush=True)
scene.cycles.device = "GPU" if use != "CPU" else "CPU"
print("LUMEN-DEVICE %s" % use, flush=True)

scene.cycles.samples = int(samples)
# Denoising is not part of a job spec, and builds without OpenImageDenoise
# fail the render when it is on.
scene.cycles.use_denoising = False
scene.render.resolution_x = int(res_x)
scene.render.resolution_y = int(res_y)
scene.render.resolution_percentage = 100
scene.render.use_file_extension = False
settings = scene.render.image_settings
settings.file_format = "PNG"
settings.color_mode = "RGBA"
settings.color_depth = "8"
settings.compression = 15

for frame in frames:
    print("LUMEN-FRAME-START %d" % frame, flush=True)
    scene.frame_set(frame)
    path = os.path.join(out_dir, "frame_%07d.png" % frame)
    scene.render.filepath = path
    bpy.ops.render.render(write_still=True)
    print("LUMEN-FRAME-DONE %d %s" % (frame, path), flush=True)
