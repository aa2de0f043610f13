using System.Text;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.Mvc;

namespace NewsPortal.Web.Discovery;

/// <summary>Sends an XML document as UTF-8 with its declaration and the given media type.</summary>
public sealed class XmlDocumentResult(XDocument document, string mediaType) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        // Written to memory first: XmlWriter flushes synchronously, which Kestrel refuses on the response body.
        using var buffer = new MemoryStream();
        await using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) }))
        {
            await document.SaveAsync(writer, context.HttpContext.RequestAborted);
        }
        var response = context.HttpContext.Response;
        response.ContentType = $"{mediaType}; charset=utf-8";
        response.ContentLength = buffer.Length;
        await response.Body.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), context.HttpContext.RequestAborted);
    }
}
