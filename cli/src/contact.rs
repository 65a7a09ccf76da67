//! The contact sheet: every frame of a job as a thumbnail in one PNG, in
//! frame order, left to right and top to bottom, on a dark grey ground.

use std::io::BufWriter;
use std::path::Path;

/// The widest thumbnail.
const CELL: u32 = 160;
/// Pixels between thumbnails.
const GAP: u32 = 4;
const GROUND: [u8; 4] = [40, 40, 40, 255];

/// A frame that cannot go on the sheet.
#[derive(Debug, thiserror::Error)]
pub enum SheetError {
    /// A frame is not a PNG this module reads.
    #[error("frame {frame}: {reason}")]
    Frame {
        /// The frame number.
        frame: u64,
        /// Why.
        reason: String,
    },
    /// Writing the sheet failed.
    #[error("writing {path}: {reason}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
}

/// An RGBA image.
struct Rgba {
    width: u32,
    height: u32,
    px: Vec<u8>,
}

fn decode(frame: u64, png_bytes: &[u8]) -> Result<Rgba, SheetError> {
    let bad = |reason: String| SheetError::Frame { frame, reason };
    let mut decoder = png::Decoder::new(std::io::Cursor::new(png_bytes));
    // 16-bit and palette images come out as 8-bit RGB(A) or grey.
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(|e| bad(e.to_string()))?;
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| bad("image too large".into()))?;
    let mut buf = vec![0; size];
    let info = reader
        .next_frame(&mut buf)
        .map_err(|e| bad(e.to_string()))?;
    let data = &buf[..info.buffer_size()];
    let px: Vec<u8> = match info.color_type {
        png::ColorType::Rgba => data.to_vec(),
        png::ColorType::Rgb => data
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        png::ColorType::GrayscaleAlpha => data
            .chunks(2)
            .flat_map(|p| [p[0], p[0], p[0], p[1]])
            .collect(),
        png::ColorType::Grayscale => data.iter().flat_map(|&g| [g, g, g, 255]).collect(),
        other => return Err(bad(format!("colour type {other:?}"))),
    };
    Ok(Rgba {
        width: info.width,
        height: info.height,
        px,
    })
}

/// Box-filtered downscale to fit `max` pixels wide and high (never upscaled).
fn thumbnail(img: &Rgba, max: u32) -> Rgba {
    let scale = (f64::from(max) / f64::from(img.width.max(img.height))).min(1.0);
    let w = ((f64::from(img.width) * scale).round() as u32).max(1);
    let h = ((f64::from(img.height) * scale).round() as u32).max(1);
    let mut px = Vec::with_capacity((w * h * 4) as usize);
    for ty in 0..h {
        let (y0, y1) = (
            ty * img.height / h,
            ((ty + 1) * img.height / h).max(ty * img.height / h + 1),
        );
        for tx in 0..w {
            let (x0, x1) = (
                tx * img.width / w,
                ((tx + 1) * img.width / w).max(tx * img.width / w + 1),
            );
            let mut sum = [0u64; 4];
            for y in y0..y1.min(img.height) {
                for x in x0..x1.min(img.width) {
                    let i = ((y * img.width + x) * 4) as usize;
                    for (acc, v) in sum.iter_mut().zip(&img.px[i..i + 4]) {
                        *acc += u64::from(*v);
                    }
                }
            }
            let n = u64::from((y1.min(img.height) - y0) * (x1.min(img.width) - x0)).max(1);
            let a = sum[3] / n;
            // Composite over the ground so transparent renders stay visible.
            for (s, g) in sum.iter().zip(GROUND).take(3) {
                let v = s / n;
                px.push(((v * a + u64::from(g) * (255 - a)) / 255) as u8);
            }
            px.push(255);
        }
    }
    Rgba {
        width: w,
        height: h,
        px,
    }
}

/// Lays the frames (frame number, PNG bytes) out on one sheet and writes it
/// to `path` as PNG. Returns the sheet's width and height.
pub fn write_sheet(frames: &[(u64, Vec<u8>)], path: &Path) -> Result<(u32, u32), SheetError> {
    let thumbs = frames
        .iter()
        .map(|(f, b)| decode(*f, b).map(|img| thumbnail(&img, CELL)))
        .collect::<Result<Vec<_>, _>>()?;
    let n = thumbs.len().max(1) as u32;
    let cols = (f64::from(n).sqrt().ceil() as u32).max(1);
    let rows = n.div_ceil(cols);
    let cell_w = thumbs.iter().map(|t| t.width).max().unwrap_or(1);
    let cell_h = thumbs.iter().map(|t| t.height).max().unwrap_or(1);
    let width = cols * cell_w + (cols + 1) * GAP;
    let height = rows * cell_h + (rows + 1) * GAP;
    let mut px: Vec<u8> = GROUND.repeat((width * height) as usize);
    for (i, t) in thumbs.iter().enumerate() {
        let (col, row) = (i as u32 % cols, i as u32 / cols);
        let (ox, oy) = (GAP + col * (cell_w + GAP), GAP + row * (cell_h + GAP));
        for y in 0..t.height {
            let src = ((y * t.width) * 4) as usize;
            let dst = (((oy + y) * width + ox) * 4) as usize;
            px[dst..dst + (t.width * 4) as usize]
                .copy_from_slice(&t.px[src..src + (t.width * 4) as usize]);
        }
    }
    let write_err = |reason: String| SheetError::Write {
        path: path.display().to_string(),
        reason,
    };
    let file = std::fs::File::create(path).map_err(|e| write_err(e.to_string()))?;
    let mut enc = png::Encoder::new(BufWriter::new(file), width, height);
    enc.set_color(png::ColorType::Rgba);
    enc.set_depth(png::BitDepth::Eight);
    let mut w = enc.write_header().map_err(|e| write_err(e.to_string()))?;
    w.write_image_data(&px)
        .map_err(|e| write_err(e.to_string()))?;
    w.finish().map_err(|e| write_err(e.to_string()))?;
    Ok((width, height))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(w: u32, h: u32, rgba: [u8; 4]) -> Vec<u8> {
        let mut out = vec![];
        {
            let mut enc = png::Encoder::new(&mut out, w, h);
            enc.set_color(png::ColorType::Rgba);
            enc.set_depth(png::BitDepth::Eight);
            let mut wr = enc.write_header().unwrap();
            wr.write_image_data(&rgba.repeat((w * h) as usize)).unwrap();
        }
        out
    }

    #[test]
    fn sheet_places_every_frame_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let frames: Vec<(u64, Vec<u8>)> = (0..5u8)
            .map(|i| {
                (
                    u64::from(i) + 1,
                    png_of(320, 160, [i * 50, 255 - i * 50, 7, 255]),
                )
            })
            .collect();
        let path = dir.path().join("sheet.png");
        let (w, h) = write_sheet(&frames, &path).unwrap();
        // 5 frames: 3 columns, 2 rows of 160×80 thumbnails.
        assert_eq!((w, h), (3 * 160 + 4 * GAP, 2 * 80 + 3 * GAP));
        let sheet = decode(0, &std::fs::read(&path).unwrap()).unwrap();
        let at = |x: u32, y: u32| {
            let i = ((y * sheet.width + x) * 4) as usize;
            [sheet.px[i], sheet.px[i + 1], sheet.px[i + 2]]
        };
        // The centre of each cell has its frame's colour; the gaps are ground.
        for i in 0..5u32 {
            let (col, row) = (i % 3, i / 3);
            let c = at(GAP + col * (160 + GAP) + 80, GAP + row * (80 + GAP) + 40);
            assert_eq!(
                c,
                [(i * 50) as u8, (255 - i * 50) as u8, 7],
                "frame {}",
                i + 1
            );
        }
        assert_eq!(at(1, 1), [40, 40, 40]);
        // The sixth cell stays empty.
        assert_eq!(
            at(GAP + 2 * (160 + GAP) + 80, GAP + (80 + GAP) + 40),
            [40, 40, 40]
        );
        let e = write_sheet(&[(3, b"not a png".to_vec())], &path).unwrap_err();
        assert!(e.to_string().starts_with("frame 3:"), "{e}");
    }
}
