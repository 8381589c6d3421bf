using System.Buffers.Binary;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace Wcc.Reports.Pack.Docx;

// Charts in Word: each data-URI PNG of the page embedded at its own size, shrunk to fit the text width.
public sealed partial class DocxWriter
{
    /// <summary>Embeds a data-URI PNG at its size at 96 dpi, shrunk to the text width (and half a page high) when larger.</summary>
    private void Image(HtmlNode img)
    {
        const string prefix = "data:image/png;base64,";
        var src = img.Attribute("src");
        if (src is null || !src.StartsWith(prefix, StringComparison.Ordinal)) return;
        var bytes = Convert.FromBase64String(src[prefix.Length..]);
        var part = main.AddImagePart(ImagePartType.Png);
        using (var stream = new MemoryStream(bytes)) part.FeedData(stream);
        var relationship = main.GetIdOfPart(part);
        // PNG: the IHDR chunk holds width and height (big-endian) at bytes 16-23.
        long cx = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)) * EmuPerPixel;
        long cy = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)) * EmuPerPixel;
        var scale = Math.Min(1.0, Math.Min((double)TextWidth * EmuPerTwip / cx, (double)MaxImageHeightEmu / cy));
        cx = (long)(cx * scale);
        cy = (long)(cy * scale);
        var id = ++drawingId;
        var name = img.Attribute("alt") is { Length: > 0 } alt ? alt : $"图{id}";
        var drawing = new Drawing(new DW.Inline(
            new DW.Extent { Cx = cx, Cy = cy },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = id, Name = $"图{id}", Description = name },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(new PIC.Picture(
                new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0, Name = $"chart{id}.png" }, new PIC.NonVisualPictureDrawingProperties()),
                new PIC.BlipFill(new A.Blip { Embed = relationship }, new A.Stretch(new A.FillRectangle())),
                new PIC.ShapeProperties(
                    new A.Transform2D(new A.Offset { X = 0, Y = 0 }, new A.Extents { Cx = cx, Cy = cy }),
                    new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        { DistanceFromTop = 0, DistanceFromBottom = 0, DistanceFromLeft = 0, DistanceFromRight = 0 });
        Add(new Paragraph(new ParagraphProperties(new KeepNext(), new Justification { Val = JustificationValues.Center }), new Run(drawing)));
    }
}
