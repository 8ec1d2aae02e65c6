import Glibc

/// Maps theme colours onto the 8 or 16 colours of a small terminal palette, keeping text legible.
///
/// Themes are designed in RGB. Plain nearest-colour matching against the 16 xterm colours goes
/// wrong for the soft colours a comfortable theme uses: a mid grey lands on "bright black" (which
/// 8-colour terminals fold to black, so grey text vanishes on a black background) or even on
/// yellow, and pastel green lands on yellow. So greys are matched by lightness, other colours by
/// hue (bright variants for light colours on 16-colour terminals), and finally any foreground
/// with too little contrast against its background becomes black or white.
struct SmallPaletteMapper {
    /// 8 or 16.
    let size: Int

    /// Below this WCAG contrast ratio the mapped foreground is replaced by black or white.
    static let minimumContrast = 3.0

    func map(_ style: ResolvedStyle) -> ResolvedStyle {
        var mapped = style
        let background = index(for: style.background)
        var foreground = index(for: style.foreground)
        if let bg = background, let fg = foreground, contrast(fg, bg) < SmallPaletteMapper.minimumContrast {
            foreground = contrasting(with: bg)
        }
        mapped.foreground = foreground.map(TerminalColor.indexed) ?? .terminalDefault
        mapped.background = background.map(TerminalColor.indexed) ?? .terminalDefault
        return mapped
    }

    /// The palette entry for `color`, or nil for the terminal's own colour.
    func index(for color: TerminalColor) -> Int? {
        let (r, g, b): (Int, Int, Int)
        switch color {
        case .terminalDefault:
            return nil
        case .indexed(let value) where value < size:
            return max(0, value)
        case .indexed(let value) where value < 16:
            return value - 8  // bright colours on an 8-colour terminal
        case .indexed(let value):
            (r, g, b) = XtermPalette.rgb(of: min(value, 255))
        case .rgb(let red, let green, let blue):
            (r, g, b) = (Int(red), Int(green), Int(blue))
        }
        let high = max(r, g, b), low = min(r, g, b)
        let lightness = (high + low) / 2
        guard high - low >= 48 else { return grey(lightness) }
        let hue = hueDegrees(r, g, b, high: high, low: low)
        // Sectors centred on red 0°, yellow 60°, green 120°, cyan 180°, blue 240°, magenta 300°.
        let sector = ((hue + 30) / 60) % 6
        let base = [1, 3, 2, 6, 4, 5][sector]
        let bright = high >= 240 || lightness > 160  // pure yellow #ffff00 is bright yellow, not 205,205,0
        return size >= 16 && bright ? base + 8 : base
    }

    private func grey(_ lightness: Int) -> Int {
        if size >= 16 {
            if lightness < 40 { return 0 }
            if lightness < 160 { return 8 }
            return lightness < 235 ? 7 : 15
        }
        return lightness < 96 ? 0 : 7
    }

    private func hueDegrees(_ r: Int, _ g: Int, _ b: Int, high: Int, low: Int) -> Int {
        let chroma = Double(high - low)
        var hue: Double
        if high == r {
            hue = Double(g - b) / chroma
        } else if high == g {
            hue = 2 + Double(b - r) / chroma
        } else {
            hue = 4 + Double(r - g) / chroma
        }
        hue *= 60
        if hue < 0 { hue += 360 }
        return Int(hue.rounded()) % 360
    }

    /// Black or white, whichever contrasts more with `background`.
    private func contrasting(with background: Int) -> Int {
        let white = size >= 16 ? 15 : 7
        return contrast(0, background) >= contrast(white, background) ? 0 : white
    }

    /// WCAG contrast between two palette entries, using the xterm colours.
    private func contrast(_ a: Int, _ b: Int) -> Double {
        let la = luminance(XtermPalette.base16[a]), lb = luminance(XtermPalette.base16[b])
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    private func luminance(_ c: (Int, Int, Int)) -> Double {
        func channel(_ v: Int) -> Double {
            let s = Double(v) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
}
