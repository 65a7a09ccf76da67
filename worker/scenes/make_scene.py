# Builds a small animated scene with Blender's own Python; no downloaded
# assets. Used by the demo, the tests and the benchmark:
#
#   blender -b --factory-startup -noaudio --python make_scene.py -- OUT.blend \
#       [--frames N] [--seed S] [--autorun-marker PATH]
#
# A sphere rolls across a floor under a sun lamp, the camera follows; the
# seed changes colours and the path so that jobs differ. --autorun-marker
# embeds a text block registered to run when the file is opened with script
# auto-execution on: it writes PATH (and AUTORUN in the frame directory) and
# turns the world red. The worker must never run it (tests check that).
import math
import random
import sys

import bpy

args = sys.argv[sys.argv.index("--") + 1:]
out = args[0]
frames = 24
seed = 1
marker = None
i = 1
while i < len(args):
    if args[i] == "--frames":
        frames = int(args[i + 1])
    elif args[i] == "--seed":
        seed = int(args[i + 1])
    elif args[i] == "--autorun-marker":
        marker = args[i + 1]
    else:
        raise SystemExit("unknown argument %r" % args[i])
    i += 2
rng = random.Random(seed)

bpy.ops.wm.read_factory_settings(use_empty=True)
scene = bpy.context.scene
scene.frame_start = 1
scene.frame_end = frames
scene.render.engine = "CYCLES"
scene.cycles.samples = 8
scene.cycles.use_denoising = False
scene.render.resolution_x = 64
scene.render.resolution_y = 64

world = bpy.data.worlds.new("sky")
world.use_nodes = True
world.node_tree.nodes["Background"].inputs["Color"].default_value = (0.3, 0.4, 0.6, 1.0)
world.node_tree.nodes["Background"].inputs["Strength"].default_value = 0.6
scene.world = world


def material(name, rgb):
    m = bpy.data.materials.new(name)
    m.use_nodes = True
    bsdf = m.node_tree.nodes["Principled BSDF"]
    bsdf.inputs["Base Color"].default_value = (*rgb, 1.0)
    return m


bpy.ops.mesh.primitive_plane_add(size=20, location=(0, 0, 0))
bpy.context.active_object.data.materials.append(material("floor", (0.8, 0.8, 0.75)))

bpy.ops.mesh.primitive_uv_sphere_add(radius=1.0, location=(0, 0, 1))
ball = bpy.context.active_object
ball.data.materials.append(material("ball", (rng.random(), rng.random() * 0.5, rng.random() * 0.3)))
start_x = -4 + rng.random()
for f, x in ((1, start_x), (frames, -start_x)):
    ball.location = (x, rng.random() - 0.5, 1)
    ball.rotation_euler = (0, x, 0)
    ball.keyframe_insert("location", frame=f)
    ball.keyframe_insert("rotation_euler", frame=f)

bpy.ops.mesh.primitive_cube_add(size=1.5, location=(2 * rng.random() - 1, 2.5, 0.75))
bpy.context.active_object.data.materials.append(material("box", (0.2, 0.6 * rng.random() + 0.2, 0.3)))

bpy.ops.object.light_add(type="SUN", location=(4, -4, 8))
bpy.context.active_object.data.energy = 3.0
bpy.context.active_object.rotation_euler = (math.radians(40), 0, math.radians(30))

bpy.ops.object.camera_add(location=(0, -9, 4), rotation=(math.radians(70), 0, 0))
scene.camera = bpy.context.active_object

if marker:
    text = bpy.data.texts.new("autorun.py")
    text.use_module = True
    text.write(
        "import bpy, os\n"
        "for p in (%r, '/job/out/AUTORUN'):\n"
        "    try:\n"
        "        open(p, 'w').write('the scene ran its script')\n"
        "    except OSError:\n"
        "        pass\n"
        "for w in bpy.data.worlds:\n"
        "    w.node_tree.nodes['Background'].inputs['Color'].default_value = (1, 0, 0, 1)\n"
        "    w.node_tree.nodes['Background'].inputs['Strength'].default_value = 50\n" % marker
    )

bpy.ops.wm.save_as_mainfile(filepath=out)
