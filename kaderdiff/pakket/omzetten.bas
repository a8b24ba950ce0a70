REM kaderdiff: convert the documents of one pack with a single LibreOffice process.
REM
REM Converteer(wachtrij, verslag, voortgang, wachttijd) is started from the command line as a macro. `wachtrij` is the
REM URL of a text file that kaderdiff rewrites (atomically) while it builds the pack: one line per document,
REM "SOURCE-URL<TAB>ODT-URL<TAB>PDF-URL" (an empty target is not wanted), and a last line KLAAR. Each document
REM is loaded once, laid out completely and exported to each target. Whatever goes wrong is appended to
REM `verslag`; then LibreOffice stops.
REM `wachttijd` (milliseconds) bounds the wait for a new line, so a killed kaderdiff leaves no office behind.
REM After each document its source URL is appended to `voortgang`, so kaderdiff can report it done and read a
REM finished PDF Staat while the rest is converted. (The
REM number goes last: a string argument after it never reaches the macro, which then does not run at all.)

Option Explicit

Sub Converteer(wachtrij As String, verslag As String, voortgang As String, wachttijd As Long)
	Dim regels As Variant, velden As Variant, melding As String
	Dim gedaan As Long, i As Long, gewacht As Long
	On Error GoTo Fout
	Do
		regels = LeesRegels(ConvertFromURL(wachtrij))
		For i = gedaan To UBound(regels)
			If regels(i) = "KLAAR" Then
				StarDesktop.terminate()
				Exit Sub
			End If
			velden = Split(regels(i), Chr(9))
			melding = ZetOm(velden(0), velden(1), velden(2))
			If melding <> "" Then
				Meld(verslag, melding)
				StarDesktop.terminate()
				Exit Sub
			End If
			Meld(voortgang, velden(0))
			gedaan = i + 1
			gewacht = 0
		Next i
		Wait 20
		gewacht = gewacht + 20
		If gewacht > wachttijd Then
			Meld(verslag, "geen nieuwe documenten binnen de wachttijd")
			StarDesktop.terminate()
			Exit Sub
		End If
	Loop
Fout:
	Meld(verslag, "fout " & Err & " in de omzetting: " & Error$)
	StarDesktop.terminate()
End Sub

Function ZetOm(bron As String, odt As String, pdf As String) As String
	Dim laden(0) As New com.sun.star.beans.PropertyValue
	Dim pdfopties(2) As New com.sun.star.beans.PropertyValue
	Dim pdfexport(1) As New com.sun.star.beans.PropertyValue
	Dim odtexport(0) As New com.sun.star.beans.PropertyValue
	Dim doc As Object, paginas As Long
	On Error GoTo Fout
	laden(0).Name = "Hidden"
	laden(0).Value = True
	REM PDF/A-2b with PDF/UA tagging: accessible and archivable
	pdfopties(0).Name = "SelectPdfVersion"
	pdfopties(0).Value = CLng(2)
	pdfopties(1).Name = "PDFUACompliance"
	pdfopties(1).Value = True
	pdfopties(2).Name = "UseTaggedPDF"
	pdfopties(2).Value = True
	pdfexport(0).Name = "FilterName"
	pdfexport(0).Value = "writer_pdf_Export"
	pdfexport(1).Name = "FilterData"
	pdfexport(1).Value = pdfopties()
	odtexport(0).Name = "FilterName"
	odtexport(0).Value = "writer8"
	doc = StarDesktop.loadComponentFromURL(bron, "_blank", 0, laden())
	If IsNull(doc) Then
		ZetOm = "kan niet openen: " & ConvertFromURL(bron)
		Exit Function
	End If
	REM A table of contents (a TOC field in the docx) is filled in here: twice, since the first pass adds its
	REM lines and so moves the pages the second pass reads.
	BijwerkenIndexen(doc)
	BijwerkenIndexen(doc)
	REM Counting the pages finishes the layout, so an ODT records the same soft page breaks with or without
	REM a PDF made first (the PDF export lays out the whole document too).
	paginas = doc.CurrentController.PageCount
	REM The PDF before the ODT: storing an ODT changes the document in memory (LibreOffice writes a tracked
	REM deletion of list paragraphs as one list, and the paragraphs after it then show a bullet and the
	REM moved text bold italic), so a PDF made after it showed what the Word document does not have.
	If pdf <> "" Then doc.storeToURL(pdf, pdfexport())
	If odt <> "" Then doc.storeToURL(odt, odtexport())
	doc.close(True)
	ZetOm = ""
	Exit Function
Fout:
	ZetOm = "fout " & Err & " bij " & ConvertFromURL(bron) & ": " & Error$
End Function

Sub BijwerkenIndexen(doc As Object)
	Dim indexen As Object, k As Long
	indexen = doc.getDocumentIndexes()
	For k = 0 To indexen.getCount() - 1
		indexen.getByIndex(k).update()
	Next k
End Sub

Function LeesRegels(pad As String) As Variant
	Dim uit() As String
	Dim regel As String, n As Integer, aantal As Long
	If FileExists(pad) Then
		n = FreeFile
		Open pad For Input As #n
		Do While Not EOF(n)
			Line Input #n, regel
			ReDim Preserve uit(aantal)
			uit(aantal) = regel
			aantal = aantal + 1
		Loop
		Close #n
	End If
	LeesRegels = uit
End Function

Sub Meld(verslag As String, tekst As String)
	Dim n As Integer
	n = FreeFile
	Open ConvertFromURL(verslag) For Append As #n
	Print #n, tekst
	Close #n
End Sub
