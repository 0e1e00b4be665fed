from django.shortcuts import render

# --8<-- [start:escaping]
NOTICE = "<strong>Be kind.</strong> Comments are public."


def comment(request):
    text = None
    if request.method == "POST":
        text = request.POST["text"]
        request.session["last_comment"] = text
    return render(request, "security/comment.html", {"comment": text, "notice": NOTICE})
# --8<-- [end:escaping]
